import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWarehouseSchema } from '../../claims/warehouse-schema.ts';
import { openDuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { loadDemoPlans } from '../demo/demo-plans.ts';
import type { Plan } from '../plans/plan-schema.ts';
import { findPlanYearStart, sumPlanYearAccumulators } from './plan-year-accumulators.ts';

const hmo = loadDemoPlans().find((p) => p.planId === 'CKP-HMO-100') as Plan;
let warehouse: Warehouse;

const medical = (
  id: string,
  version: number,
  date: string,
  ded: number,
  copay: number,
  coins: number,
  flags = '',
) =>
  `insert into medical_claim (claim_id, version, is_current, is_reversed, member_id, claim_type, claim_date,
     deductible_amount, copay_amount, coinsurance_amount, batch_id)
   values ('${id}', ${version}, ${!flags.includes('old')}, ${flags.includes('reversed')}, 'M1', 'professional',
     '${date}', ${ded}, ${copay}, ${coins}, 'b')`;

beforeAll(async () => {
  warehouse = await openDuckDbWarehouse(':memory:');
  await ensureWarehouseSchema(warehouse);
  await warehouse.run(
    `insert into enrollment (member_id, start_date, end_date, line_of_business, plan_type, plan_id, batch_id)
     values ('M1', '2025-01-01', null, 'commercial', 'HMO', 'CKP-HMO-100', 'b')`,
  );
  for (const sql of [
    medical('C0', 1, '2025-12-20', 100, 0, 0), // last plan year: not counted
    medical('C1', 1, '2026-02-01', 150, 25, 0), // replaced by version 2
    medical('C1', 2, '2026-02-01', 120, 25, 0, ''),
    medical('C2', 1, '2026-03-05', 80, 0, 40, 'reversed'), // reversed: not counted
    medical('C3', 1, '2026-04-10', 60, 0, 30),
    medical('C4', 1, '2026-12-01', 500, 0, 0), // after the as-of date
  ])
    await warehouse.run(sql);
  await warehouse.run(`update medical_claim set is_current = false where claim_id = 'C1' and version = 1`);
  await warehouse.run(
    `insert into pharmacy_claim (claim_id, version, is_current, is_reversed, member_id, fill_date, ndc, quantity,
       days_supply, deductible_amount, copay_amount, coinsurance_amount, batch_id)
     values ('P1', 1, true, false, 'M1', '2026-05-01', '00000000000', 30, 30, 0, 10, 0, 'b')`,
  );
});
afterAll(async () => warehouse.close());

describe('sumPlanYearAccumulators', () => {
  it('sums current, not reversed claims of this plan year up to the as-of date', async () => {
    const result = await sumPlanYearAccumulators(warehouse, 'M1', hmo, '2026-06-30');
    // Deductible: C1v2 120 + C3 60 = 180. Out of pocket: 120 + 25 + 60 + 30 + P1 10 = 245.
    expect(result.accumulators.in).toEqual({ deductibleMet: 180, outOfPocketMet: 245 });
    expect(result.claimCount).toBe(3);
    expect(result.planYear).toEqual({ start: '2026-01-01', asOf: '2026-06-30' });
  });

  it('caps what is met at the plan’s deductible', async () => {
    const result = await sumPlanYearAccumulators(warehouse, 'M1', hmo, '2026-12-31');
    expect(result.accumulators.in.deductibleMet).toBe(500);
  });

  it('says so when the member has no enrollment in the plan', async () => {
    const result = await sumPlanYearAccumulators(warehouse, 'NOBODY', hmo, '2026-06-30');
    expect(result.claimCount).toBe(0);
    expect(result.assumptions.at(-1)).toContain('No enrollment');
  });
});

describe('sumPlanYearAccumulators with a hostile member id', () => {
  it('binds the id as a value: a quote and an always-true clause match nothing', async () => {
    const result = await sumPlanYearAccumulators(warehouse, "M1' or 1=1 --", hmo, '2026-06-30');
    expect(result.claimCount).toBe(0);
    expect(result.accumulators.in).toEqual({ deductibleMet: 0, outOfPocketMet: 0 });
  });
});

describe('findPlanYearStart', () => {
  it('starts a July plan year in the previous calendar year before July', () => {
    expect(findPlanYearStart('2026-03-15', 7)).toBe('2025-07-01');
    expect(findPlanYearStart('2026-07-01', 7)).toBe('2026-07-01');
    expect(findPlanYearStart('2026-03-15', 1)).toBe('2026-01-01');
  });
});
