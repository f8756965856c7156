import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import type { CoverageTables } from '../coverage-tables.ts';
import { buildDemoNetwork } from '../demo/demo-network.ts';
import { loadDemoPlans } from '../demo/demo-plans.ts';
import { type DirectoryEntry, directoryEntrySchema } from '../network/network-schema.ts';
import { type Plan, planSchema } from './plan-schema.ts';

const tables = (db: OpsDb) => db.withTables<CoverageTables>();

/** Inserts or replaces plans (already validated), all in one transaction. */
export async function savePlans(db: OpsDb, plans: readonly Plan[]): Promise<void> {
  await tables(db)
    .transaction()
    .execute(async (tx) => {
      for (const p of plans)
        await tx
          .insertInto('coverage_plan')
          .values({ plan_id: p.planId, plan_type: p.planType, name: p.name, definition: JSON.stringify(p) })
          .onConflict((oc) =>
            oc.column('plan_id').doUpdateSet({
              plan_type: p.planType,
              name: p.name,
              definition: JSON.stringify(p),
              updated_at: new Date(),
            }),
          )
          .execute();
    });
}

/** Every stored plan. */
export async function readPlans(db: OpsDb): Promise<Plan[]> {
  const rows = await tables(db).selectFrom('coverage_plan').select('definition').orderBy('plan_id').execute();
  return rows.map((r) => planSchema.parse(r.definition));
}

/** One plan, or 404. */
export async function readPlan(db: OpsDb, planId: string): Promise<Plan> {
  const row = await tables(db)
    .selectFrom('coverage_plan')
    .select('definition')
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `There is no plan ${planId}.`);
  return planSchema.parse(row.definition);
}

/** Inserts or replaces directory entries, all in one transaction. */
export async function saveNetwork(db: OpsDb, entries: readonly DirectoryEntry[]): Promise<void> {
  await tables(db)
    .transaction()
    .execute(async (tx) => {
      for (const e of entries) {
        const values = { npi: e.npi, name: e.name, type: e.type, definition: JSON.stringify(e) };
        await tx
          .insertInto('network_entry')
          .values({ entry_id: e.id, ...values })
          .onConflict((oc) => oc.column('entry_id').doUpdateSet({ ...values, updated_at: new Date() }))
          .execute();
      }
    });
}

/** The whole directory (a few hundred entries: searched in memory). */
export async function readNetwork(db: OpsDb): Promise<DirectoryEntry[]> {
  const rows = await tables(db)
    .selectFrom('network_entry')
    .select('definition')
    .orderBy('entry_id')
    .execute();
  return rows.map((r) => directoryEntrySchema.parse(r.definition));
}

/** Loads the demo plans and fictional network (for `npm start` and tests); running it again changes nothing. */
export async function seedDemoCoverage(db: OpsDb): Promise<{ plans: number; network: number }> {
  const plans = loadDemoPlans();
  const network = buildDemoNetwork();
  await savePlans(db, plans);
  await saveNetwork(db, network);
  return { plans: plans.length, network: network.length };
}
