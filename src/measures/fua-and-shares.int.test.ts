import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import type { OpsStore } from '../platform/db/ops-db.ts';
import { openTestOpsStore } from '../platform/db/testing/template-store.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { parseRiskConfig } from '../risk/index.ts';
import { addFill, addMedical, addMember, ndc, openTestWarehouse } from '../risk/test-population.ts';
import { computeMeasures, type MeasuresResult } from './compute-measures.ts';
import { parseMeasureConfig } from './measure-config.ts';

let warehouse: Warehouse;
let store: OpsStore;
let result: MeasuresResult;

const value = (measure: string, month: string) => {
  const row = result.rows.find((r) => r.measure === measure && r.market === 'NJ' && r.month === month);
  if (!row) throw new Error(`no row ${measure} ${month}`);
  return [row.numerator, row.denominator];
};

const oud = 'F1120';
const overdose = 'T401X1A';

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  store = await openTestOpsStore(migrations);
  const member = (id: string, extra: object = {}) =>
    addMember(warehouse, { id, start: '2024-01-01', birthDate: '1990-06-01', ...extra });
  const ed = (id: string, m: string, date: string, dx: string[], extra: object = {}) =>
    addMedical(warehouse, { id, member: m, date, dx, lines: [{ procedure: '99283' }], ...extra });
  const visit = (id: string, m: string, date: string, extra: object = {}) =>
    addMedical(warehouse, { id, member: m, date, dx: [oud], lines: [{ procedure: '99213' }], ...extra });

  // Follow-up after an ED visit on 2025-03-10: day 7 counts for both windows, day 8 for 30 only,
  // day 30 (a MOUD fill) for 30, day 31 for neither. The ED claim's own SUD code is no follow-up.
  await member('F1');
  await ed('E1', 'F1', '2025-03-10', [oud]);
  await visit('V1', 'F1', '2025-03-17');
  await member('F2');
  await ed('E2', 'F2', '2025-03-10', [oud]);
  await visit('V2', 'F2', '2025-03-18', { lines: [{ procedure: '99213', pos: '02' }] }); // telehealth
  await member('F3');
  await ed('E3', 'F3', '2025-03-10', ['R4182', overdose]); // an overdose code in any position
  await addFill(warehouse, {
    id: 'M3',
    member: 'F3',
    date: '2025-04-09',
    ndc: ndc.buprenorphineFilm8,
    quantity: 30,
    days: 30,
  });
  await member('F4');
  await ed('E4', 'F4', '2025-03-10', [oud]);
  await visit('V4', 'F4', '2025-04-10');
  // Left out: SUD only as a secondary diagnosis; admitted the next day; a reversed ED claim.
  await member('F5');
  await ed('E5', 'F5', '2025-03-10', ['R109', oud]);
  await member('F6');
  await ed('E6', 'F6', '2025-03-10', [oud]);
  await addMedical(warehouse, {
    id: 'I6',
    member: 'F6',
    date: '2025-03-11',
    type: 'institutional',
    setting: 'inpatient',
    dx: [oud],
  });
  await member('F12');
  await ed('E12', 'F12', '2025-03-10', [oud], { reversed: true });
  // Admitted two days later: still counted.
  await member('F7');
  await ed('E7', 'F7', '2025-03-10', [oud]);
  await addMedical(warehouse, {
    id: 'I7',
    member: 'F7',
    date: '2025-03-12',
    type: 'institutional',
    setting: 'inpatient',
    dx: [oud],
  });
  // Age: 13 the day after the visit (left out); 13 on the day, followed up that day at an
  // outpatient (IOP) facility claim (counted, within 7).
  await member('F8', { birthDate: '2012-03-11' });
  await ed('E8', 'F8', '2025-03-10', [oud]);
  await member('F8b', { birthDate: '2012-03-10' });
  await ed('E8b', 'F8b', '2025-03-10', [oud]);
  await addMedical(warehouse, {
    id: 'V8b',
    member: 'F8b',
    date: '2025-03-10',
    type: 'institutional',
    setting: 'outpatient',
    dx: [oud],
    lines: [{ revenue: '0906' }],
  });
  // Enrollment through 30 days after: ending on day 29 is left out, on day 30 counted.
  await member('F9', { end: '2025-04-08' });
  await ed('E9', 'F9', '2025-03-10', [oud]);
  await member('F10', { end: '2025-04-09' });
  await ed('E10', 'F10', '2025-03-10', [oud]);
  // Of visits within 31 days only the first counts, counted from the visit that counted:
  // 05-01 counts, 05-31 (30 days on) does not, 06-01 (31 days on) does; 07-15 counts, 08-05
  // does not, 08-20 (36 days after 07-15, 15 after 08-05) does.
  await member('F11');
  for (const [i, date] of [
    '2025-05-01',
    '2025-05-31',
    '2025-06-01',
    '2025-07-15',
    '2025-08-05',
    '2025-08-20',
  ].entries())
    await ed(`E11-${i}`, 'F11', date, [oud]);
  // A visit whose 30 days run past the end of the data is not judged yet.
  await member('F13');
  await ed('E13', 'F13', '2025-12-05', [oud]);

  // HIGH_MME as of each month's last day: oxycodone ER 10 mg × 180 over 30 days = 90 MME a day.
  const oxy = (id: string, m: string, date: string) =>
    addFill(warehouse, { id, member: m, date, ndc: ndc.oxycodoneEr10, quantity: 180, days: 30 });
  await member('H1');
  await oxy('H1a', 'H1', '2025-01-05'); // one fill by 01-31: no episode yet
  await oxy('H1b', 'H1', '2025-02-04'); // two by 02-28: HIGH_MME
  // Excluded by a cancer code in W365 as of 02-28 (from 2024-03-01), not as of 03-31 (from 2024-04-01).
  await member('H3');
  await addMedical(warehouse, { id: 'C3', member: 'H3', date: '2024-03-05', dx: ['C50911'] });
  await oxy('H3a', 'H3', '2025-01-05');
  await oxy('H3b', 'H3', '2025-02-04');
  await oxy('H3c', 'H3', '2025-03-06');
  // OPIOID_BENZO_OVERLAP: oxycodone 5 mg × 120 / 30 and alprazolam from 01-05 and 02-04.
  await member('H2');
  for (const [i, date] of ['2025-01-05', '2025-02-04', '2025-03-06'].entries())
    await addFill(warehouse, {
      id: `H2o${i}`,
      member: 'H2',
      date,
      ndc: ndc.oxycodone5,
      quantity: 120,
      days: 30,
    });
  for (const [i, date] of ['2025-01-05', '2025-02-04'].entries())
    await addFill(warehouse, {
      id: `H2b${i}`,
      member: 'H2',
      date,
      ndc: ndc.alprazolam1,
      quantity: 30,
      days: 30,
    });

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

describe('follow-up after an emergency (RISK-RULES §10, FUA-like)', () => {
  it('counts eligible ED visits at the edges of age, admission, enrollment and diagnosis position', () => {
    // F1, F2, F3, F4, F7, F8b, F10.
    expect(value('fua_7', '2025-03')).toEqual([2, 7]);
    expect(value('fua_30', '2025-03')).toEqual([4, 7]);
  });

  it('keeps only the first of visits within 31 days of the one that counted', () => {
    expect(value('fua_30', '2025-05')[1]).toBe(1);
    expect(value('fua_30', '2025-06')[1]).toBe(1);
    expect(value('fua_30', '2025-07')[1]).toBe(1);
    expect(value('fua_30', '2025-08')[1]).toBe(1);
  });

  it('does not judge a visit whose 30 days are not over', () => {
    expect(value('fua_30', '2025-12')).toEqual([0, 0]);
  });
});

describe('opioid users with HIGH_MME and OPIOID_BENZO_OVERLAP as of each month end (RISK-RULES §10)', () => {
  it('needs the opioid episode by the month end', () => {
    expect(value('high_mme_share', '2025-01')).toEqual([0, 3]);
    expect(value('opioid_benzo_share', '2025-01')).toEqual([0, 3]);
  });

  it('applies the §5 exclusion over the W365 before each month end', () => {
    expect(value('high_mme_share', '2025-02')).toEqual([1, 3]);
    expect(value('high_mme_share', '2025-03')).toEqual([1, 2]);
  });

  it('counts the overlap of opioid and benzodiazepine coverage', () => {
    expect(value('opioid_benzo_share', '2025-02')).toEqual([1, 3]);
    expect(value('opioid_benzo_share', '2025-03')).toEqual([1, 2]);
  });
});
