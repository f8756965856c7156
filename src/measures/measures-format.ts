import { csvField } from '../platform/csv/csv-field.ts';
import type { MeasuresResult } from './compute-measures.ts';

export const measureFormats = ['json', 'csv'] as const;
export type MeasureFormat = (typeof measureFormats)[number];

const columns = [
  'measure',
  'market',
  'month',
  'period',
  'numerator',
  'denominator',
  'unit',
  'value',
  'ciLow',
  'ciHigh',
  'suppressed',
] as const;

/** The measures as the JSON of the contract, or as CSV with one row per measure row (suppressed cells empty). */
export function formatMeasures(result: MeasuresResult, format: MeasureFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const lines = [columns.join(',')];
  for (const r of result.rows) lines.push(columns.map((c) => csvField(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}
