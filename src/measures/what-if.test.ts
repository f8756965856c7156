import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRiskSchema } from '../risk/index.ts';
import { addEdVisit, addFill, addMember, D, insertTestReference, ndc } from '../risk/test-population.ts';
import { buildTestApp, type TestApp, type TestUser } from '../testing/test-app.ts';

let t: TestApp;
let analyst: TestUser;

/** A member at 60 MME a day (oxycodone 5 mg × 240 over 30 days, twice) with an ED visit in L90. */
async function at60Mme(id: string, state: string, zip: string) {
  await addMember(t.warehouse, { id, state, zip });
  for (const [i, date] of ['2026-05-01', '2026-05-31'].entries())
    await addFill(t.warehouse, {
      id: `${id}-F${i}`,
      member: id,
      date,
      ndc: ndc.oxycodone5,
      quantity: 240,
      days: 30,
    });
  await addEdVisit(t.warehouse, `${id}-ED`, id, '2026-06-10');
}

beforeAll(async () => {
  t = await buildTestApp();
  await insertTestReference(t.warehouse);
  await ensureRiskSchema(t.warehouse);
  for (let i = 0; i < 14; i += 1) await at60Mme(`NJ${i}`, 'NJ', '07001');
  for (let i = 0; i < 12; i += 1) await at60Mme(`VA${i}`, 'VA', '22201');
  for (let i = 0; i < 3; i += 1) await at60Mme(`MD${i}`, 'MD', '21201');
  analyst = await t.logIn('analyst');
}, 60_000);
afterAll(async () => {
  await t.close();
});

const whatIf = (changes: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/analytics/what-if',
    headers: analyst.headers,
    payload: { asOf: D, changes },
  });

describe('POST /api/analytics/what-if', () => {
  it('counts who the checkpoint would reach with HIGH_MME at 50, by market, opening no case', async () => {
    const res = await whatIf({ thresholds: { highMme: 50 } });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as {
      market: string;
      now: number | null;
      withChange: number | null;
      added: number | null;
    }[];
    const nj = rows.find((r) => r.market === 'NJ')!;
    expect(nj).toMatchObject({ now: 0, withChange: 14, added: 14, removed: 0 });
    // Maryland's 3 are a small cell; the focus total would give them away, so one more part hides.
    const md = rows.find((r) => r.market === 'MD')!;
    expect([md.withChange, md.added]).toEqual([null, null]);
    const focus = rows.find((r) => r.market === 'focus')!;
    const recoverable =
      focus.added !== null &&
      rows.filter((r) => r.market !== 'focus' && r.market !== 'other' && r.added === null).length === 1;
    expect(recoverable).toBe(false);
    // Nothing recorded, nothing opened, no member named.
    expect(res.body).not.toMatch(/NJ\d|MD\d|VA\d/);
    const [runs] = await t.warehouse.all<{ n: number }>('select count(*) as n from risk_run');
    expect(Number(runs!.n)).toBe(0);
    const cases = await sql<{ n: number }>`select count(*)::int as n from outreach_case`.execute(t.store.db);
    expect(cases.rows[0]!.n).toBe(0);
  });

  it('rejects a change the rules do not have, naming it', async () => {
    const res = await whatIf({ thresholds: { highMMe: 50 } });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().issues)).toMatch(/highMMe/);
  });
});
