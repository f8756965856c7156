import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWarehouseSchema } from '../../claims/warehouse-schema.ts';
import { openDuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { ensureReferenceSchema } from '../../reference/reference-schema.ts';
import { identifyMembers, readRecordedRisk } from '../../risk/index.ts';
import { fixtureAsOf, seedMemberWithClaims } from './member-fixture.ts';
import { explainMemberRisk, readMemberRisk } from './member-risk.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await openDuckDbWarehouse(':memory:');
  await ensureWarehouseSchema(w);
  await ensureReferenceSchema(w);
  await seedMemberWithClaims(w, 'R1');
});
afterAll(async () => {
  await w.close();
});

describe('member risk from the recorded run', () => {
  it('explains live while no run is recorded', async () => {
    expect(await readRecordedRisk(w, 'R1', fixtureAsOf)).toBeNull();
    expect(await readMemberRisk(w, 'R1', fixtureAsOf, true)).toEqual(
      await explainMemberRisk(w, 'R1', fixtureAsOf, true),
    );
  });

  it('serves a candidate of the latest run exactly as the live explanation, with and without Part 2', async () => {
    const run = await identifyMembers(w, { asOf: fixtureAsOf });
    expect(run.members.map((m) => m.memberId)).toContain('R1');
    const recorded = await readRecordedRisk(w, 'R1', fixtureAsOf);
    expect(recorded?.runId).toBe(run.runId);
    expect(recorded?.dailyMme.some((d) => d.mme > 0)).toBe(true);
    for (const includePart2 of [true, false]) {
      const live = await explainMemberRisk(w, 'R1', fixtureAsOf, includePart2);
      expect(await readMemberRisk(w, 'R1', fixtureAsOf, includePart2)).toEqual(live);
    }
    const withheld = await readMemberRisk(w, 'R1', fixtureAsOf, false);
    expect(withheld.riskFactors.map((f) => f.code)).not.toContain('OUD_DIAGNOSIS');
    expect(withheld.context).not.toContain('ON_MOUD');
  });

  it('does not use the run for another as-of date or a member it did not pick', async () => {
    expect(await readRecordedRisk(w, 'R1', '2026-05-31')).toBeNull();
    expect(await readRecordedRisk(w, 'NOBODY', fixtureAsOf)).toBeNull();
  });
});
