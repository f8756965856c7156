import type { SqlParam, Warehouse } from '../platform/warehouse/warehouse.ts';
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
  const chunk = Math.max(1, Math.floor(2000 / columns.length));
  const update = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`);
  const action =
    onConflict === 'keep' || update.length === 0 ? 'do nothing' : `do update set ${update.join(', ')}`;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const tuples = slice.map(
      (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
    );
    await warehouse.run(
      `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}
       on conflict (${key.join(', ')}) ${action}`,
      slice.flat(),
    );
  }
}
