import type { Kysely } from 'kysely';

/**
 * Runs `fn` in a transaction: the caller's own when `db` already is one (so a store
 * function joins a larger unit of work), otherwise a new one.
 */
export function inTransaction<DB, T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
