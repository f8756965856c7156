import { randomUUID } from 'node:crypto';
import type { OpsDb } from '../platform/db/ops-db.ts';
import type { MeasuresResult } from './compute-measures.ts';
import type { MeasureConfig } from './measure-config.ts';

type MeasureRunTables = {
  measure_run: {
    run_id: string;
    measure_version: string;
    from_month: string;
    to_month: string;
    config: string;
    rows: number;
    suppressed: number;
    run_by: string;
  };
};

/** Records a measures run: which version, which months, which configuration, by whom. */
export async function recordMeasureRun(
  db: OpsDb,
  result: MeasuresResult,
  config: MeasureConfig,
  runBy: string,
): Promise<string> {
  const runId = randomUUID();
  await db
    .withTables<MeasureRunTables>()
    .insertInto('measure_run')
    .values({
      run_id: runId,
      measure_version: result.measureVersion,
      from_month: result.from,
      to_month: result.to,
      config: JSON.stringify(config),
      rows: result.rows.length,
      suppressed: result.rows.filter((r) => r.suppressed).length,
      run_by: runBy,
    })
    .execute();
  return runId;
}
