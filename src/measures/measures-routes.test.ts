import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDatasetNote, syntheticDataNote } from '../claims/index.ts';
import { addMedical, addMember, insertTestReference } from '../risk/test-population.ts';
import { buildTestApp, type TestApp, type TestUser } from '../testing/test-app.ts';
import { isSmall } from './suppress.ts';

let t: TestApp;
let analyst: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  await insertTestReference(t.warehouse);
  // 30 members in New Jersey, 3 of them with an overdose in March 2025: a small cell.
  // 30 in HMO plans and 20 in PPO plans, to filter by plan type.
  for (let i = 0; i < 30; i += 1)
    await addMember(t.warehouse, { id: `N${i}`, start: '2024-01-01', planType: 'HMO' });
  for (let i = 0; i < 20; i += 1)
    await addMember(t.warehouse, { id: `P${i}`, start: '2024-01-01', planType: 'PPO' });
  await addDatasetNote(t.warehouse, 'synthetic', syntheticDataNote);
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

describe('filters and the program report', () => {
  const memberMonths = async (query: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/analytics/measures?from=2025-01&to=2025-06${query}`,
      headers: analyst.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    return {
      body,
      value: body.rows.find(
        (r: { measure: string; market: string; period: string | null }) =>
          r.measure === 'member_months' && r.market === 'NJ' && r.period === 'range',
      ).numerator,
    };
  };

  it('counts only the members of one plan type when asked, and says which', async () => {
    expect((await memberMonths('')).value).toBe(300);
    const hmo = await memberMonths('&planType=HMO');
    expect(hmo.value).toBe(180);
    expect(hmo.body.planType).toBe('HMO');
    expect((await memberMonths('&planType=PPO')).value).toBe(120);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/measures?from=2025-01&to=2025-06&planType=XYZ',
      headers: analyst.headers,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('says the data is synthetic when the data says so', async () => {
    expect((await memberMonths('')).body.dataNotes).toEqual([syntheticDataNote]);
  });

  it('downloads the program report as a PDF: the goal first, every chart with its table, the methods last', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/report?from=2025-01&to=2025-06',
      headers: analyst.headers,
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload));
    const { text } = await extractText(pdf, { mergePages: false });
    expect(text.length).toBeGreaterThanOrEqual(5);
    expect(text[0]).toContain('Are opioid overdoses down 25 %?');
    expect(text[0]).toContain('Synthetic data');
    const all = text.join('\n');
    for (const title of [
      'All focus markets: overdose rate by month',
      'Outreach funnel, All focus markets',
      'Follow-up after an ED visit for SUD or overdose',
      'New MOUD episodes reaching 180 days',
      'Opioid users with high MME or with a benzodiazepine',
      'observational comparison',
    ])
      expect(all).toContain(title);
    expect(all).toContain('suppressed');
    expect(all).not.toMatch(/\bN\d+\b|\bP\d+\b/);
    expect(text.at(-1)).toContain('Methods and caveats');
    expect(text.at(-1)).toContain('Garwood');
  });

  it('refuses the report to a case manager', async () => {
    const cm = await t.logIn('case_manager');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/report?from=2025-01&to=2025-06',
      headers: cm.headers,
    });
    expect(res.statusCode).toBe(403);
  });
});
