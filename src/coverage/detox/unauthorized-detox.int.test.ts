import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWarehouseSchema } from '../../claims/warehouse-schema.ts';
import { openDuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { makeDetoxRequest } from '../preauth/fixtures.ts';
import { applyAuthorizationAction, receiveAuthorization } from '../preauth/transitions.ts';
import { insertTestMedicalClaim } from '../testing-warehouse.ts';
import { flagUnauthorizedDetox, readDetoxLines } from './unauthorized-detox.ts';

let warehouse: Warehouse;
beforeAll(async () => {
  warehouse = await openDuckDbWarehouse(':memory:');
  await ensureWarehouseSchema(warehouse);
  const h0014 = (claimId: string, memberId: string, date: string, reversed = false) =>
    insertTestMedicalClaim(warehouse, {
      claimId,
      memberId,
      date,
      reversed,
      lines: [{ procedureCode: 'H0014' }],
    });
  await h0014('X1', 'M-0001', '2026-11-24'); // inside the approved dates
  await h0014('X2', 'M-0001', '2026-11-30'); // after them
  await h0014('X3', 'M-0002', '2026-11-24'); // no request at all
  await h0014('X4', 'M-0003', '2026-11-24', true); // reversed: not read
  await insertTestMedicalClaim(warehouse, {
    claimId: 'X5',
    memberId: 'M-0002',
    date: '2026-11-25',
    lines: [{ revenueCode: '0126' }],
  });
  await insertTestMedicalClaim(warehouse, {
    claimId: 'X6',
    memberId: 'M-0002',
    date: '2026-11-25',
    lines: [{ procedureCode: '99213' }],
  });
});
afterAll(async () => warehouse.close());

describe('readDetoxLines + flagUnauthorizedDetox', () => {
  it('flags detox lines no approved request covers, with the reason', async () => {
    const lines = await readDetoxLines(warehouse, '2026-11-01', '2026-11-30');
    expect(lines.map((l) => l.claimId)).toEqual(['X1', 'X3', 'X5', 'X2']);
    let approved = receiveAuthorization({
      id: 'PA-1',
      request: makeDetoxRequest(),
      receivedAt: '2026-11-20T15:00:00Z',
      actor: 'f',
    });
    approved = applyAuthorizationAction(approved, { kind: 'start-review' }, '2026-11-20T16:00:00Z', 'um');
    approved = applyAuthorizationAction(approved, { kind: 'approve' }, '2026-11-20T17:00:00Z', 'um');
    const flagged = flagUnauthorizedDetox(lines, [approved]);
    expect(flagged.map((f) => [f.claimId, f.reason])).toEqual([
      ['X3', 'No preauthorization request on file.'],
      ['X5', 'No preauthorization request on file.'],
      ['X2', 'Outside the approved dates or services.'],
    ]);
  });

  it('says a request is still pending when it is', async () => {
    const lines = await readDetoxLines(warehouse, '2026-11-24', '2026-11-24');
    const pending = receiveAuthorization({
      id: 'PA-2',
      request: makeDetoxRequest(),
      receivedAt: '2026-11-20T15:00:00Z',
      actor: 'f',
    });
    expect(flagUnauthorizedDetox(lines, [pending]).find((f) => f.claimId === 'X1')?.reason).toBe(
      'Request PA-2 is still submitted.',
    );
  });
});
