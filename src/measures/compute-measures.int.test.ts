import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { seedCase } from '../outreach/cases/seed-case.ts';
import { addUser } from '../platform/auth/users.ts';
import type { OpsStore } from '../platform/db/ops-db.ts';
import { openTestOpsStore } from '../platform/db/testing/template-store.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { parseRiskConfig } from '../risk/index.ts';
import { addFill, addMedical, addMember, ndc, openTestWarehouse } from '../risk/test-population.ts';
import { computeMeasures, type MeasuresResult } from './compute-measures.ts';
import { parseMeasureConfig } from './measure-config.ts';
import type { MeasureRow } from './measure-row.ts';
import { garwood, ratioInterval } from './poisson.ts';

let warehouse: Warehouse;
let store: OpsStore;
let result: MeasuresResult;
const overdose = 'T401X1A';

const find = (measure: string, market: string, slot: { month?: string; period?: string }): MeasureRow => {
  const row = result.rows.find(
    (r) =>
      r.measure === measure &&
      r.market === market &&
      r.month === (slot.month ?? null) &&
      r.period === (slot.period ?? null),
  );
  if (!row) throw new Error(`no row ${measure} ${market} ${JSON.stringify(slot)}`);
  return row;
};

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  store = await openTestOpsStore(migrations);
  // Enrollment edges: M1 all along; M2 from the last day of March to the first of April 2025
  // (two member-months); M3 is Medicare (out of scope); M4 is outside the focus markets.
  await addMember(warehouse, { id: 'M1', start: '2024-01-01' });
  await addMember(warehouse, { id: 'M2', start: '2025-03-31', end: '2025-04-01' });
  await addMember(warehouse, { id: 'M3', start: '2024-01-01', lineOfBusiness: 'medicare' });
  await addMember(warehouse, { id: 'M4', state: 'TX', zip: '75001', start: '2024-01-01' });
  const od = (id: string, member: string, date: string, extra: object = {}) =>
    addMedical(warehouse, { id, member, date, dx: [overdose], ...extra });
  await od('B1', 'M1', '2024-03-01');
  // 7 days after the previous claim is the same event; 8 days is a new one.
  await od('F1', 'M1', '2025-02-01');
  await od('F2', 'M1', '2025-02-08');
  await od('F3', 'M1', '2025-02-16');
  // A chain of claims each within 7 days of the previous is one event, however long.
  await od('C1', 'M1', '2025-05-01');
  await od('C2', 'M1', '2025-05-07');
  await od('C3', 'M1', '2025-05-13');
  await od('R1', 'M1', '2025-07-01', { reversed: true });
  await addMedical(warehouse, { id: 'A1', member: 'M1', date: '2025-08-01', dx: ['T402X5A'] }); // adverse effect
  await od('X1', 'M2', '2025-05-10'); // not enrolled in May
  await od('X2', 'M3', '2025-05-10'); // Medicare
  await od('O1', 'M4', '2024-06-01');
  await od('O2', 'M4', '2025-06-01');
  // MOUD: M1's fills continue while the next comes within 8 days of the end of the coverage.
  const bup = (id: string, date: string) =>
    addFill(warehouse, { id, member: 'M1', date, ndc: ndc.buprenorphineFilm8, quantity: 30, days: 30 });
  await bup('U1', '2025-01-15'); // covers to 02-13
  await bup('U2', '2025-02-21'); // 02-13 + 8: continues; covers to 03-22
  await bup('U3', '2025-03-23');
  await bup('U4', '2025-04-22');
  await bup('U5', '2025-05-22');
  await bup('U6', '2025-06-21'); // covers to 07-20: 187 days from 01-15
  // M4: naltrexone 03-01 (to 03-30), then 04-10 (11 days later: the episode ends, and none starts).
  await addFill(warehouse, {
    id: 'N1',
    member: 'M4',
    date: '2025-03-01',
    ndc: ndc.naltrexone50,
    quantity: 30,
    days: 30,
  });
  await addFill(warehouse, {
    id: 'N2',
    member: 'M4',
    date: '2025-04-10',
    ndc: ndc.naltrexone50,
    quantity: 30,
    days: 30,
  });
  // An opioid fill: oxycodone 5 mg × 30 over 10 days = 22.5 MME a day.
  await addFill(warehouse, {
    id: 'P1',
    member: 'M1',
    date: '2025-03-05',
    ndc: ndc.oxycodone5,
    quantity: 30,
    days: 10,
  });

  // The funnel: identified Thursday 2025-04-10, first call Monday 04-14 (2 business days), reached,
  // a referral accepted that day, and a MOUD fill (U4, 04-22) within 30 days: treatment started.
  const cm = await addUser(store.db, {
    username: 'case-manager',
    role: 'case_manager',
    password: 'a long enough password',
  });
  const caseId = await seedCase(store.db, { memberId: 'M1', market: 'NJ' });
  await sql`update outreach_case set opened_at = '2025-04-10T15:00:00Z' where case_id = ${caseId}`.execute(
    store.db,
  );
  await sql`insert into outreach_attempt (attempt_id, case_id, member_id, attempted_at, channel, outcome, recorded_by)
    values ('a1', ${caseId}, 'M1', '2025-04-14T14:00:00Z', 'phone', 'reached', ${cm.userId})`.execute(
    store.db,
  );
  await sql`insert into referral (referral_id, case_id, member_id, kind, status, created_by, created_at, updated_at)
    values ('r1', ${caseId}, 'M1', 'moud_prescriber', 'accepted', ${cm.userId}, '2025-04-14T14:05:00Z',
      '2025-04-14T14:05:00Z')`.execute(store.db);

  result = await computeMeasures(
    { db: store.db, warehouse },
    {
      from: '2025-01',
      to: '2025-12',
      config: parseMeasureConfig({ programStart: '2025-01-01' }),
      riskConfig: parseRiskConfig({}),
      suppress: false,
    },
  );
}, 60_000);
afterAll(async () => {
  await store.close();
  await warehouse.close();
});

describe('program measures on a hand-computed population (RISK-RULES §10)', () => {
  it('counts member-months at the enrollment edges, for the line of business in scope only', () => {
    expect(find('member_months', 'NJ', { month: '2025-02' }).numerator).toBe(1);
    expect(find('member_months', 'NJ', { month: '2025-03' }).numerator).toBe(2);
    expect(find('member_months', 'NJ', { month: '2025-04' }).numerator).toBe(2);
    expect(find('member_months', 'NJ', { month: '2025-05' }).numerator).toBe(1);
    expect(find('member_months', 'NJ', { period: 'range' }).numerator).toBe(14);
    expect(find('member_months', 'NJ', { period: 'baseline' }).numerator).toBe(12);
    expect(find('member_months', 'other', { period: 'range' }).numerator).toBe(12);
    expect(find('member_months', 'focus', { period: 'range' }).numerator).toBe(14);
  });

  it('merges overdose claims within 7 days into one event, and leaves out reversed, adverse-effect and out-of-scope claims', () => {
    expect(find('overdose_rate', 'NJ', { month: '2025-02' }).numerator).toBe(2);
    expect(find('overdose_rate', 'NJ', { month: '2025-05' }).numerator).toBe(1);
    expect(find('overdose_rate', 'NJ', { month: '2025-07' }).numerator).toBe(0);
    expect(find('overdose_rate', 'NJ', { month: '2025-08' }).numerator).toBe(0);
    const range = find('overdose_rate', 'NJ', { period: 'range' });
    expect(range.numerator).toBe(3);
    expect(range.denominator).toBe(1.2); // 14 member-months
    expect(range.value).toBeCloseTo((3 / (14 / 12)) * 1000, 1);
    const [low, high] = garwood(3);
    expect(range.ciLow).toBeCloseTo((low / (14 / 12)) * 1000, 1);
    expect(range.ciHigh).toBeCloseTo((high / (14 / 12)) * 1000, 1);
  });

  it('gives the goal ratio and the difference in differences with their log-method intervals', () => {
    const goal = find('goal_ratio', 'NJ', { period: 'latest12' });
    const ratio = 3 / (14 / 12) / (1 / (12 / 12));
    expect(goal.value).toBeCloseTo(ratio, 2);
    const ci = ratioInterval(ratio, [3, 1])!;
    expect([goal.ciLow, goal.ciHigh]).toEqual([Math.round(ci[0] * 100) / 100, Math.round(ci[1] * 100) / 100]);
    expect(find('goal_ratio', 'other', { period: 'latest12' }).value).toBe(1);
    expect(find('did_ratio', 'NJ', { period: 'latest12' }).value).toBeCloseTo(ratio, 2);
  });

  it('follows MOUD episodes across an 8-day gap to 180 days, and starts none after a 9–31 day gap', () => {
    const nj = find('moud_continuity_180', 'NJ', { period: 'range' });
    expect([nj.numerator, nj.denominator, nj.value]).toEqual([1, 1, 1]);
    expect(find('moud_continuity_180', 'NJ', { month: '2025-01' }).denominator).toBe(1);
    const other = find('moud_continuity_180', 'other', { period: 'range' });
    expect([other.numerator, other.denominator]).toEqual([0, 1]);
  });

  it('counts opioid users and their average daily MME', () => {
    const march = find('opioid_users', 'NJ', { month: '2025-03' });
    expect([march.numerator, march.denominator, march.value]).toEqual([1, 2, 500]);
    expect(find('average_mme', 'NJ', { month: '2025-03' }).value).toBe(22.5);
  });

  it('follows the outreach funnel to treatment and times the first attempt in business days', () => {
    const april = (m: string) => find(m, 'NJ', { month: '2025-04' });
    expect(
      [
        'funnel_identified',
        'funnel_attempted',
        'funnel_reached',
        'funnel_engaged',
        'funnel_treatment_started',
      ].map((m) => april(m).numerator),
    ).toEqual([1, 1, 1, 1, 1]);
    expect(april('days_to_first_attempt_median').value).toBe(2);
    expect(april('days_to_first_attempt_p90').value).toBe(2);
  });

  it('says which measure version, baseline and latest 12 months it computed', () => {
    expect(result).toMatchObject({
      measureVersion: '2026.1',
      baseline: { from: '2024-01', to: '2024-12' },
      latest12: { from: '2025-01', to: '2025-12' },
    });
  });
});
