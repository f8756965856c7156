import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMedical, addMember, insertTestReference } from '../risk/test-population.ts';
import { buildTestApp, type TestApp, type TestUser } from '../testing/test-app.ts';
import { isSmall } from './suppress.ts';

let t: TestApp;
let analyst: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  await insertTestReference(t.warehouse);
  // 30 members in New Jersey, 3 of them with an overdose in March 2025: a small cell.
  for (let i = 0; i < 30; i += 1) await addMember(t.warehouse, { id: `N${i}`, start: '2024-01-01' });
  for (let i = 0; i < 3; i += 1)
    await addMedical(t.warehouse, { id: `OD${i}`, member: `N${i}`, date: '2025-03-10', dx: ['T401X1A'] });
  analyst = await t.logIn('analyst');
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/analytics/measures', () => {
  it('gives the analyst aggregates only, suppressing a market-month of 3 overdoses, and records the run', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/measures?from=2025-01&to=2025-06',
      headers: analyst.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.measureVersion).toBe('2026.1');
    const march = body.rows.find(
      (r: { measure: string; market: string; month: string }) =>
        r.measure === 'overdose_rate' && r.market === 'NJ' && r.month === '2025-03',
    );
    expect(march).toMatchObject({ suppressed: true, numerator: null, value: null });
    expect(res.body).not.toMatch(/"N\d+"|memberId|member_id/);
    const [run] = await t.store.db
      .withTables<{ measure_run: { measure_version: string; run_by: string } }>()
      .selectFrom('measure_run')
      .select(['measure_version', 'run_by'])
      .execute();
    expect(run).toEqual({ measure_version: '2026.1', run_by: analyst.userId });
  });

  it('downloads CSV with no count of 1–10 in it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/measures?from=2025-01&to=2025-06&format=csv',
      headers: analyst.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const [header, ...lines] = res.body.trim().split('\n');
    expect(header).toBe(
      'measure,market,month,period,numerator,denominator,unit,value,ciLow,ciHigh,suppressed',
    );
    const counts = lines
      .map((l) => l.split(','))
      .filter((c) => c[0] === 'overdose_rate' || c[0]!.startsWith('funnel') || c[0] === 'member_months');
    expect(counts.length).toBeGreaterThan(0);
    for (const c of counts) if (c[4] !== '') expect(isSmall(Number(c[4])), c.join(',')).toBe(false);
  });

  it('refuses a case manager, and a range that ends before it starts', async () => {
    const cm = await t.logIn('case_manager');
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/measures?from=2025-01&to=2025-06',
      headers: cm.headers,
    });
    expect(denied.statusCode).toBe(403);
    const backwards = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/measures?from=2025-06&to=2025-01',
      headers: analyst.headers,
    });
    expect(backwards.statusCode).toBe(400);
  });
});
