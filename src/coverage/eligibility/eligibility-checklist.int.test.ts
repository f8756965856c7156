import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWarehouseSchema } from '../../claims/warehouse-schema.ts';
import { openDuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { insertTestMedicalClaim } from '../testing-warehouse.ts';
import { buildEligibilityChecklist } from './eligibility-checklist.ts';

let warehouse: Warehouse;
beforeAll(async () => {
  warehouse = await openDuckDbWarehouse(':memory:');
  await ensureWarehouseSchema(warehouse);
  await insertTestMedicalClaim(warehouse, {
    claimId: 'D1',
    memberId: 'M1',
    date: '2026-09-01',
    dx: ['F1120'],
    part2: true,
  });
  await insertTestMedicalClaim(warehouse, {
    claimId: 'D0',
    memberId: 'M1',
    date: '2025-06-01',
    dx: ['F1320'],
  }); // too old
  await insertTestMedicalClaim(warehouse, {
    claimId: 'A1',
    memberId: 'M1',
    date: '2026-10-15',
    lines: [{ procedureCode: 'H0001' }],
  });
  await insertTestMedicalClaim(warehouse, {
    claimId: 'H1',
    memberId: 'M1',
    date: '2026-08-01',
    dx: ['Z5900'],
  });
  await insertTestMedicalClaim(warehouse, {
    claimId: 'R1',
    memberId: 'M1',
    date: '2026-11-01',
    reversed: true,
    lines: [{ procedureCode: 'H0004' }],
  });
  await insertTestMedicalClaim(warehouse, {
    claimId: 'U1',
    memberId: 'M2',
    date: '2026-09-01',
    dx: ['F1110'],
  });
  await insertTestMedicalClaim(warehouse, {
    claimId: 'C1',
    memberId: 'M2',
    date: '2026-11-10',
    lines: [{ procedureCode: 'H0005' }],
  });
});
afterAll(async () => warehouse.close());

const statuses = (items: Awaited<ReturnType<typeof buildEligibilityChecklist>>) =>
  Object.fromEntries(items.map((i) => [i.id, i.status]));

describe('buildEligibilityChecklist', () => {
  it('shows dependence, a recent assessment and a housing concern from claims; asks about commitment', async () => {
    const items = await buildEligibilityChecklist(warehouse, 'M1', '2026-11-20', true);
    expect(statuses(items)).toEqual({
      'substance-dependence': 'found',
      'medical-assessment': 'found',
      'stable-living': 'concern',
      commitment: 'ask',
    });
    expect(items[0]?.evidence).toEqual([{ claimId: 'D1', date: '2026-09-01', code: 'F1120' }]);
  });

  it('leaves out Part 2 labeled claims without consent and says why', async () => {
    const items = await buildEligibilityChecklist(warehouse, 'M1', '2026-11-20', false);
    expect(items[0]).toMatchObject({
      status: 'ask',
      evidence: [],
      summary: expect.stringContaining('consent'),
    });
  });

  it('counts use coded as abuse as a partial sign and recent group therapy as engagement', async () => {
    const items = await buildEligibilityChecklist(warehouse, 'M2', '2026-11-20', true);
    expect(statuses(items)).toEqual({
      'substance-dependence': 'partial',
      'medical-assessment': 'ask',
      'stable-living': 'ask',
      commitment: 'partial',
    });
  });
});
