import fs from 'node:fs';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBResultReader } from '@duckdb/node-api';
import type { Row, SqlParam, Warehouse } from '../warehouse.ts';

/** Connections `withConnection` opens at most, beside the main one (2-core servers gain little beyond). */
export const defaultPoolSize = 4;

/**
 * Opens (creating if needed) a DuckDB warehouse file, or an in-memory one for ':memory:'.
 * `poolSize` bounds the extra connections `withConnection` opens on the same instance.
 */
export async function openDuckDbWarehouse(
  filePath: string,
  options: { poolSize?: number } = {},
): Promise<DuckDbWarehouse> {
  if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const instance = await DuckDBInstance.create(filePath);
  const connection = await instance.connect();
  return new DuckDbWarehouse(instance, connection, options.poolSize ?? defaultPoolSize);
}

export class DuckDbWarehouse implements Warehouse {
  readonly dialect = 'duckdb' as const;
  private inTransaction = false;
  private readonly idle: DuckDbWarehouse[] = [];
  private readonly waiting: Array<(connection: DuckDbWarehouse) => void> = [];
  private opened = 0;

  constructor(
    readonly instance: DuckDBInstance,
    /** The raw connection, for engine-specific work such as appenders in bulk loads. */
    readonly connection: DuckDBConnection,
    /** Extra connections `withConnection` may open; 0 on a pooled connection itself. */
    private readonly poolSize = defaultPoolSize,
    /** Whether `close` closes the instance too (the main handle) or only this connection (a pooled one). */
    private readonly ownsInstance = true,
  ) {}

  /**
   * Runs `fn` on a pooled connection of the same instance that nobody else uses meanwhile:
   * DuckDB runs queries of different connections in parallel, and temp tables stay per connection.
   */
  async withConnection<T>(fn: (connection: Warehouse) => Promise<T>): Promise<T> {
    if (this.poolSize <= 0) return fn(this);
    const pooled = await this.acquire();
    try {
      return await fn(pooled);
    } finally {
      const next = this.waiting.shift();
      if (next) next(pooled);
      else this.idle.push(pooled);
    }
  }

  private async acquire(): Promise<DuckDbWarehouse> {
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.opened >= this.poolSize) return new Promise((resolve) => this.waiting.push(resolve));
    this.opened += 1;
    try {
      return new DuckDbWarehouse(this.instance, await this.instance.connect(), 0, false);
    } catch (error) {
      this.opened -= 1;
      throw error;
    }
  }

  async run(sql: string, params: readonly SqlParam[] = []): Promise<void> {
    if (params.length === 0) await this.connection.run(sql);
    else await this.connection.run(sql, [...params]);
  }

  async all<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    const result =
      params.length === 0
        ? await this.connection.runAndReadAll(sql)
        : await this.connection.runAndReadAll(sql, [...params]);
    return toRows(result) as T[];
  }

  async transaction<T>(fn: (tx: Warehouse) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    await this.connection.run('BEGIN TRANSACTION');
    this.inTransaction = true;
    try {
      const value = await fn(this);
      await this.connection.run('COMMIT');
      return value;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }

  /** Closes the connection (and the idle pooled ones); the main handle closes the instance too. */
  async close(): Promise<void> {
    for (const pooled of this.idle.splice(0)) pooled.connection.closeSync();
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}

function toRows(result: DuckDBResultReader): Row[] {
  const names = result.columnNames();
  const types = result.columnTypes().map((t) => t.toString());
  return result.getRowsJS().map((values) => {
    const row: Row = {};
    for (let i = 0; i < names.length; i++) row[names[i] as string] = toPlain(values[i], types[i] ?? '');
    return row;
  });
}

function toPlain(value: unknown, type: string): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return type === 'DATE' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => toPlain(v, ''));
  return value;
}
