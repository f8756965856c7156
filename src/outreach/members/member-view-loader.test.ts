import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWarehouseSchema } from '../../claims/warehouse-schema.ts';
import { openDuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { ensureReferenceSchema } from '../../reference/reference-schema.ts';
import { identifyMembers } from '../../risk/index.ts';
import { fixtureAsOf, seedMemberWithClaims } from './member-fixture.ts';
import { readClaimsTimeline, readCoverage, readMemberProfile } from './member-record.ts';
import { explainMemberRisk } from './member-risk.ts';
import { MemberViewLoader } from './member-view-loader.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await openDuckDbWarehouse(':memory:');
  await ensureWarehouseSchema(w);
  await ensureReferenceSchema(w);
  await seedMemberWithClaims(w, 'L1');
  await seedMemberWithClaims(w, 'L2');
  await seedMemberWithClaims(w, 'L3');
  await identifyMembers(w, { asOf: fixtureAsOf });
});
afterAll(async () => {
  await w.close();
});

/** The same member read alone, request by request, as the route did before batching. */
async function readAlone(memberId: string, includePart2: boolean) {
  const profile = await readMemberProfile(w, memberId);
  if (!profile) return null;
  return {
    profile,
    coverage: await readCoverage(w, memberId),
    timeline: await readClaimsTimeline(w, memberId, '2025-07-01', fixtureAsOf, includePart2),
    risk: await explainMemberRisk(w, memberId, fixtureAsOf, includePart2),
  };
}

describe('the member view loader', () => {
  it('gives each of many concurrent requests its own member, under its own Part 2 grant', async () => {
    const loader = new MemberViewLoader(w);
    const requests = [
      { memberId: 'L1', includePart2: true },
      { memberId: 'L2', includePart2: false },
      { memberId: 'L1', includePart2: false },
      { memberId: 'L3', includePart2: true },
      { memberId: 'NOBODY', includePart2: true },
    ];
    const views = await Promise.all(requests.map((r) => loader.load({ ...r, asOf: fixtureAsOf })));
    for (const [i, r] of requests.entries())
      expect(views[i], `${r.memberId} part2=${r.includePart2}`).toEqual(
        await readAlone(r.memberId, r.includePart2),
      );
    expect(views[4]).toBeNull();
    // The fixture's Part 2 claims show under the grant and are left out without it.
    const part2Claims = (i: number) => views[i]?.timeline.filter((e) => e.part2).map((e) => e.claimId) ?? [];
    expect(part2Claims(0).sort()).toEqual(['L1-BUP', 'L1-OUD']);
    expect(part2Claims(2)).toEqual([]);
    expect(views[2]?.risk?.riskFactors.map((f) => f.code)).not.toContain('OUD_DIAGNOSIS');
    expect(views[1]?.timeline.map((e) => e.claimId)).not.toContain('L2-OUD');
  });

  it('serves the recorded risk only for the run as of that date (null otherwise, for a live explanation)', async () => {
    const loader = new MemberViewLoader(w);
    const view = await loader.load({ memberId: 'L1', asOf: '2026-05-31', includePart2: true });
    expect(view?.profile.memberId).toBe('L1');
    expect(view?.risk).toBeNull();
  });
});
