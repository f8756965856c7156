import { sql } from 'kysely';
import { AppError } from '../errors.ts';
import type { Migration } from './migration.ts';
import type { OpsStore } from './ops-db.ts';

const namePattern = /^[a-z0-9]+(-[a-z0-9]+)*-\d{3}-[a-z0-9-]+$/;

/** Quotes a migration name (a constant from our code, checked by `namePattern`) as a SQL literal. */
function quoteName(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

/**
 * Applies, in list order, every migration not yet recorded in `schema_migration`,
 * each in its own transaction; returns the names applied now.
 */
export async function migrateOpsStore(store: OpsStore, migrations: readonly Migration[]): Promise<string[]> {
  const seen = new Set<string>();
  for (const m of migrations) {
    if (!namePattern.test(m.name))
      throw new AppError('internal', `Migration name "${m.name}" is not <domain>-NNN-<what>.`);
    if (seen.has(m.name)) throw new AppError('internal', `Migration "${m.name}" is listed twice.`);
    seen.add(m.name);
  }
  await store.execScript(
    'create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())',
  );
  const rows = await sql<{ name: string }>`select name from schema_migration`.execute(store.db);
  const applied = new Set(rows.rows.map((r) => r.name));
  const now: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.name)) continue;
    await store.execScript(
      `begin;\n${m.sql};\ninsert into schema_migration (name) values (${quoteName(m.name)});\ncommit;`,
    );
    now.push(m.name);
  }
  return now;
}
