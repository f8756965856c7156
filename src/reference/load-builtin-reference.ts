import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { builtinDrugs } from './builtin-drugs.ts';
import { upsertDrugs, upsertFactors } from './drug-store.ts';
import { mmeFactors } from './mme-factors.ts';
import { ensureReferenceSchema } from './reference-schema.ts';

/**
 * Ensures the reference schema and loads the built-in drugs and both MME factor
 * sets. Safe to run any number of times; an NDC an import already loaded is kept.
 */
export async function loadBuiltinReference(warehouse: Warehouse): Promise<void> {
  await ensureReferenceSchema(warehouse);
  await warehouse.transaction(async (tx) => {
    await upsertDrugs(tx, builtinDrugs, 'keep');
    await upsertFactors(tx, mmeFactors);
  });
}
