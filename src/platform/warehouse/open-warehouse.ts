import { AppError } from '../errors.ts';
import { openDuckDbWarehouse } from './duckdb/duckdb-warehouse.ts';
import type { Warehouse } from './warehouse.ts';

/** Opens the warehouse a URL names: `duckdb:PATH` (or `duckdb::memory:`). */
export async function openWarehouse(url: string): Promise<Warehouse> {
  if (url.startsWith('duckdb:')) return openDuckDbWarehouse(url.slice('duckdb:'.length));
  throw new AppError(
    'bad_request',
    'Only DuckDB warehouses (duckdb:PATH) are supported in this version; PostgreSQL warehouses are planned.',
  );
}
