import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { OpsStore } from './ops-db.ts';
import { PgliteDialect, SessionLock } from './pglite-dialect.ts';
import type { PlatformTables } from './platform-tables.ts';

// Dates stay 'YYYY-MM-DD' strings (as the warehouse gives them), counts come back as numbers.
pg.types.setTypeParser(1082, (value: string) => value);
pg.types.setTypeParser(20, (value: string) => Number(value));

/** Where the store lives: a PostgreSQL URL, a PGlite folder, or `memory://` for tests. */
export type OpsLocation =
  | { databaseUrl: string }
  /** `template`: a `dumpDataDir()` image to start from instead of running initdb (tests). */
  | { pgliteDir: string; template?: Blob };

/** Opens the operational store; migrations are the caller's next step (`migrateOpsStore`). */
export async function openOpsStore(location: OpsLocation, poolSize = 10): Promise<OpsStore> {
  if ('databaseUrl' in location) {
    const pool = new pg.Pool({ connectionString: location.databaseUrl, max: poolSize });
    const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'postgres',
      db,
      async execScript(script) {
        const client = await pool.connect();
        try {
          await client.query(script);
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      close: () => db.destroy(),
    };
  }
  const dir = location.pgliteDir;
  if (dir !== 'memory://') mkdirSync(dir, { recursive: true });
  const parsers = { 1082: (value: string) => value, 20: (value: string) => Number(value) };
  const template = location.template ? { loadDataDir: location.template } : {};
  const client =
    dir === 'memory://'
      ? new PGlite({ parsers, ...template })
      : new PGlite({ dataDir: dir, parsers, ...template });
  await client.waitReady;
  const lock = new SessionLock();
  const db = new Kysely<PlatformTables>({ dialect: new PgliteDialect(client, lock) });
  return {
    kind: 'pglite',
    db,
    client,
    async execScript(script) {
      const release = await lock.acquire();
      try {
        await client.exec(script);
      } catch (error) {
        await client.exec('rollback').catch(() => undefined);
        throw error;
      } finally {
        release();
      }
    },
    async close() {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}
