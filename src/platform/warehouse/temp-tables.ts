import type { SqlParam, Warehouse } from './warehouse.ts';

/** A connection's temp table, emptied if it exists (DuckDB: create or replace; PostgreSQL: drop, then create). */
export async function createTempTable(warehouse: Warehouse, name: string, columns: string): Promise<void> {
  if (warehouse.dialect === 'duckdb')
    return warehouse.run(`create or replace temp table ${name} (${columns})`);
  await warehouse.run(`drop table if exists ${name}`);
  await warehouse.run(`create temp table ${name} (${columns})`);
}

/** Inserts rows in one bound statement per chunk; `?` in the template becomes `$n`. */
export async function insertRows(
  warehouse: Warehouse,
  table: string,
  template: string,
  rows: ReadonlyArray<ReadonlyArray<SqlParam>>,
): Promise<void> {
  const chunk = 200;
  for (let i = 0; i < rows.length; i += chunk) {
    const params: SqlParam[] = [];
    const tuples = rows.slice(i, i + chunk).map((row) => {
      let k = 0;
      const tuple = template.replace(/\?/g, () => `$${params.length + ++k}`);
      params.push(...row);
      return `(${tuple})`;
    });
    await warehouse.run(`insert into ${table} values ${tuples.join(', ')}`, params);
  }
}
