/** A value bound to a `$1`-style SQL parameter. */
export type SqlParam = string | number | boolean | null | bigint;

/** A row as the warehouse returns it: dates as 'YYYY-MM-DD', timestamps as ISO strings, integers as numbers. */
export type Row = Record<string, unknown>;

/**
 * The claims warehouse, whichever engine holds it. Rule SQL sticks to what both
 * DuckDB and PostgreSQL run, with `$1`-style parameters.
 */
export interface Warehouse {
  readonly dialect: 'duckdb' | 'postgres';
  /** Runs one statement (or several separated by `;` when there are no params). */
  run(sql: string, params?: readonly SqlParam[]): Promise<void>;
  /** Runs a query and returns its rows. */
  all<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Runs `fn` in one transaction: all of it commits, or none of it. */
  transaction<T>(fn: (tx: Warehouse) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Runs `fn` on a connection of its own from a small pool on the same database, so
   * independent reads (and per-connection temp tables) run beside other requests.
   * Engines without a pool leave it out; use `withOwnConnection`.
   */
  withConnection?<T>(fn: (connection: Warehouse) => Promise<T>): Promise<T>;
}

/** Runs `fn` on a pooled connection of its own when the warehouse has a pool, else on the warehouse itself. */
export function withOwnConnection<T>(w: Warehouse, fn: (connection: Warehouse) => Promise<T>): Promise<T> {
  return w.withConnection ? w.withConnection(fn) : fn(w);
}
