import { sql } from 'kysely';
import type { OpsDb } from '../platform/db/ops-db.ts';
import { type MeasureConfig, parseMeasureConfig } from './measure-config.ts';

type ConfigTables = {
  measure_config_version: { version: number; config: string; set_by: string; reason: string };
};

/** The plan's measure configuration: the newest stored version, else the defaults of RISK-RULES §10. */
export async function readMeasureConfig(db: OpsDb): Promise<MeasureConfig> {
  const row = await db
    .withTables<ConfigTables>()
    .selectFrom('measure_config_version')
    .select('config')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return parseMeasureConfig(
    row ? (typeof row.config === 'string' ? JSON.parse(row.config) : row.config) : {},
  );
}

/** Stores a new version of the measure configuration (validated first), with who and why. */
export async function saveMeasureConfig(
  db: OpsDb,
  input: unknown,
  by: { userId: string; reason: string },
): Promise<MeasureConfig> {
  const config = parseMeasureConfig(input);
  await sql`insert into measure_config_version (version, config, set_by, reason)
    select coalesce(max(version), 0) + 1, ${JSON.stringify(config)}::jsonb, ${by.userId}, ${by.reason}
    from measure_config_version`.execute(db);
  return config;
}
