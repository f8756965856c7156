import { DuckDbWarehouse } from '../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { SqlParam, Warehouse } from '../platform/warehouse/warehouse.ts';
import type { RxnormDrugIngredient } from './classify-omtk-row.ts';
import type { DrugProduct } from './drug-product.ts';
import type { MmeFactor } from './mme-factors.ts';

/** What to do when a row's key is already loaded: keep the loaded row, or replace it. */
export type OnConflict = 'keep' | 'replace';

const drugColumns = [
  'ndc',
  'rxcui',
  'name',
  'ingredient',
  'strength',
  'unit',
  'form',
  'route_group',
  'drug_class',
  'long_acting',
  'source',
] as const;

const drugValues = (d: DrugProduct): SqlParam[] => [
  d.ndc,
  d.rxcui,
  d.name,
  d.ingredient,
  d.strength,
  d.unit,
  d.form,
  d.routeGroup,
  d.drugClass,
  d.longActing,
  d.source,
];

/** Inserts drugs by NDC in chunks; an NDC already present is kept or replaced. */
export async function upsertDrugs(
  warehouse: Warehouse,
  drugs: readonly DrugProduct[],
  onConflict: OnConflict,
): Promise<void> {
  await upsertRows(warehouse, 'drug', drugColumns, ['ndc'], drugs.map(drugValues), onConflict);
}

/** Inserts or replaces conversion factors by (factor set, ingredient, route group). */
export async function upsertFactors(warehouse: Warehouse, factors: readonly MmeFactor[]): Promise<void> {
  await upsertRows(
    warehouse,
    'mme_factor',
    ['factor_set', 'ingredient', 'route_group', 'factor', 'source'],
    ['factor_set', 'ingredient', 'route_group'],
    factors.map((f) => [f.factorSet, f.ingredient, f.routeGroup, f.factor, f.source]),
    'replace',
  );
}

/**
 * Multi-row `insert … on conflict` with bound parameters, which both DuckDB and
 * PostgreSQL run. Table and column names come from this module, never input.
 */
export async function upsertRows(
  warehouse: Warehouse,
  table: string,
  columns: readonly string[],
  key: readonly string[],
  rows: readonly SqlParam[][],
  onConflict: OnConflict,
): Promise<void> {
  const update = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`);
  const action = `on conflict (${key.join(', ')}) ${
    onConflict === 'keep' || update.length === 0 ? 'do nothing' : `do update set ${update.join(', ')}`
  }`;
  if (warehouse instanceof DuckDbWarehouse) return appendRows(warehouse, table, columns, rows, action);
  const chunk = Math.max(1, Math.floor(8000 / columns.length));
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const tuples = slice.map(
      (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
    );
    await warehouse.run(
      `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}
       ${action}`,
      slice.flat(),
    );
  }
}

/**
 * DuckDB binds thousands of parameters slowly (14,549 CDC rows: 2.3 s); an
 * appender into a temp copy of the table and one `insert … select` is faster.
 */
async function appendRows(
  warehouse: DuckDbWarehouse,
  table: string,
  columns: readonly string[],
  rows: readonly SqlParam[][],
  conflict: string,
): Promise<void> {
  const stage = `${table}_stage`;
  const list = columns.join(', ');
  await warehouse.run(`create or replace temp table ${stage} as select ${list} from ${table} limit 0`);
  const appender = await warehouse.connection.createAppender(stage, 'main', 'temp');
  for (const row of rows) {
    for (const value of row) {
      if (value === null) appender.appendNull();
      else if (typeof value === 'string') appender.appendVarchar(value);
      else if (typeof value === 'boolean') appender.appendBoolean(value);
      else appender.appendDouble(Number(value));
    }
    appender.endRow();
  }
  appender.closeSync();
  await warehouse.run(`insert into ${table} (${list}) select ${list} from temp.${stage} ${conflict}`);
  await warehouse.run(`drop table temp.${stage}`);
}

/** Inserts or replaces RxNorm-keyed products by (RxCUI, ingredient RxCUI). */
export async function upsertRxnormDrugs(
  warehouse: Warehouse,
  rows: readonly RxnormDrugIngredient[],
): Promise<void> {
  await upsertRows(
    warehouse,
    'drug_rxnorm',
    [
      'rxcui',
      'ingredient_rxcui',
      'name',
      'ingredient',
      'strength',
      'unit',
      'dose_form_rxcui',
      'form',
      'route_group',
      'drug_class',
      'long_acting',
      'source',
    ],
    ['rxcui', 'ingredient_rxcui'],
    rows.map((r) => [
      r.rxcui,
      r.ingredientRxcui,
      r.name,
      r.ingredient,
      r.strength,
      r.unit,
      r.doseFormRxcui,
      r.form,
      r.routeGroup,
      r.drugClass,
      r.longActing,
      r.source,
    ]),
    'replace',
  );
}
