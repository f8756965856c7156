import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations.ts';
import { migrateOpsStore } from './migrate.ts';
import { openOpsStore } from './open-ops-store.ts';

describe('migrations on PGlite', () => {
  it('builds every table from empty, records each migration, and applies nothing the second time', async () => {
    const store = await openOpsStore({ pgliteDir: 'memory://' });
    try {
      const first = await migrateOpsStore(store, migrations);
      expect(first).toEqual(migrations.map((m) => m.name));
      expect(await migrateOpsStore(store, migrations)).toEqual([]);
      const tables = await sql<{
        table_name: string;
      }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(store.db);
      const names = tables.rows.map((r) => r.table_name);
      for (const t of [
        'app_user',
        'user_session',
        'audit_event',
        'consent',
        'outreach_case',
        'identification_run',
        'run_candidate',
      ])
        expect(names).toContain(t);
    } finally {
      await store.close();
    }
  });

  it('rolls a failing migration back whole and records nothing of it', async () => {
    const store = await openOpsStore({ pgliteDir: 'memory://' });
    try {
      const bad = {
        name: 'test-001-half',
        sql: 'create table half_done (id int); select no_such_function();',
      };
      await expect(migrateOpsStore(store, [bad])).rejects.toThrow();
      const rows = await sql<{
        n: number;
      }>`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`.execute(
        store.db,
      );
      expect(rows.rows[0]?.n).toBe(0);
      const recorded = await sql<{ n: number }>`select count(*)::int as n from schema_migration`.execute(
        store.db,
      );
      expect(recorded.rows[0]?.n).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('refuses a badly named or repeated migration before touching the store', async () => {
    const store = await openOpsStore({ pgliteDir: 'memory://' });
    try {
      await expect(migrateOpsStore(store, [{ name: 'tables', sql: 'select 1' }])).rejects.toThrow(
        /<domain>-NNN-<what>/,
      );
      const m = { name: 'test-001-x', sql: 'select 1' };
      await expect(migrateOpsStore(store, [m, m])).rejects.toThrow(/twice/);
    } finally {
      await store.close();
    }
  });
});
