/** Program analytics (RISK-RULES §10): what the CLI and the composition layer use. */
export { computeMeasures, type MeasuresResult } from './compute-measures.ts';
export { type MeasureConfig, measureVersion, parseMeasureConfig } from './measure-config.ts';
export { type MeasureRow, measureCodes } from './measure-row.ts';
export { formatMeasures, type MeasureFormat, measureFormats } from './measures-format.ts';
export { isoMonthSchema } from './months.ts';
export { planTypes } from './plan-types.ts';
export { recordMeasureRun } from './record-measure-run.ts';
export { renderProgramReport } from './report/program-report.ts';
export { readMeasureConfig, saveMeasureConfig } from './stored-measure-config.ts';
