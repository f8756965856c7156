import type { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import type { PlatformTables } from './platform-tables.ts';

/**
 * The operational store as the platform types it. A domain types its own tables
 * with `db.withTables<MyTables>()`: the platform never needs to know them.
 */
export type OpsDb = Kysely<PlatformTables>;

/** An open operational store: the typed Kysely handle plus what Kysely cannot do. */
export interface OpsStore {
  readonly kind: 'pglite' | 'postgres';
  readonly db: OpsDb;
  /** The PGlite instance (embedded store only), for dumps in tests. */
  readonly client?: PGlite;
  /** Runs a script of several statements without parameters (migrations, test setup). */
  execScript(sql: string): Promise<void>;
  close(): Promise<void>;
}
