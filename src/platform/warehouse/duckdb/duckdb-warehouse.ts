import fs from 'node:fs';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBResultReader } from '@duckdb/node-api';
import type { Row, SqlParam, Warehouse } from '../warehouse.ts';

/** Opens (creating if needed) a DuckDB warehouse file, or an in-memory one for ':memory:'. */
export async function openDuckDbWarehouse(filePath: string): Promise<DuckDbWarehouse> {
  if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const instance = await DuckDBInstance.create(filePath);
  const connection = await instance.connect();
  return new DuckDbWarehouse(instance, connection);
}

export class DuckDbWarehouse implements Warehouse {
  readonly dialect = 'duckdb' as const;
  private inTransaction = false;

  constructor(
    readonly instance: DuckDBInstance,
    /** The raw connection, for engine-specific work such as appenders in bulk loads. */
    readonly connection: DuckDBConnection,
  ) {}

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

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
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
