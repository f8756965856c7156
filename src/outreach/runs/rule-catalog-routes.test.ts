import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyMembers, parseRiskConfig } from '../../risk/index.ts';
import { buildTestApp, type TestApp } from '../../testing/test-app.ts';
import { fixtureAsOf, seedMemberWithClaims } from '../members/member-fixture.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedMemberWithClaims(t.warehouse, 'R1');
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/rules', () => {
  it('describes the written defaults before any run, then the latest run’s configuration', async () => {
    const u = await t.logIn('case_manager');
    const before = (await t.app.inject({ method: 'GET', url: '/api/rules', headers: u.headers })).json();
    expect(before.runId).toBeNull();
    expect(before.riskFactors.find((f: { code: string }) => f.code === 'HIGH_MME').rule).toContain(
      '90 or more',
    );

    const run = await identifyMembers(t.warehouse, {
      asOf: fixtureAsOf,
      config: parseRiskConfig({ thresholds: { highMme: 50 } }),
    });
    const after = (await t.app.inject({ method: 'GET', url: '/api/rules', headers: u.headers })).json();
    expect(after.runId).toBe(run.runId);
    expect(after.riskFactors.find((f: { code: string }) => f.code === 'HIGH_MME').rule).toContain(
      '50 or more',
    );
  });

  it('is not for members or facility staff', async () => {
    for (const role of ['member', 'facility_staff'] as const) {
      const u = await t.logIn(role);
      expect((await t.app.inject({ method: 'GET', url: '/api/rules', headers: u.headers })).statusCode).toBe(
        403,
      );
    }
  });
});
