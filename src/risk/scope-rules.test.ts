import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { evaluateMembers } from './evaluate-members.ts';
import { parseRiskConfig, type RiskConfigInput } from './risk-config.ts';
import type { MemberMetrics } from './risk-types.ts';
import {
  addEdVisit,
  addFill,
  addMedical,
  addMember,
  D,
  L90_START,
  type MemberSpec,
  ndc,
  openTestWarehouse,
} from './test-population.ts';

let w: Warehouse;
beforeEach(async () => {
  w = await openTestWarehouse();
});
afterEach(async () => {
  await w.close();
});

async function metrics(id = 'M1', config: RiskConfigInput = {}): Promise<MemberMetrics> {
  const [m] = await evaluateMembers(w, { asOf: D, memberId: id, config: parseRiskConfig(config) });
  if (!m) throw new Error(`no metrics for ${id}`);
  return m;
}

describe('medical emergencies in L90 (RISK-RULES §6)', () => {
  beforeEach(() => addMember(w, { id: 'M1' }));

  it('counts an emergency on D−89 and not on D−90', async () => {
    await addEdVisit(w, 'E0', 'M1', '2026-04-01');
    expect((await metrics()).emergencies).toEqual([]);
    await addEdVisit(w, 'E1', 'M1', L90_START);
    expect((await metrics()).emergencies).toEqual([{ kind: 'ED_VISIT', date: L90_START, claimId: 'E1' }]);
  });

  it('finds ED visits by revenue code, CPT/HCPCS, and place of service 23 on professional claims only', async () => {
    await addMedical(w, {
      id: 'REV',
      member: 'M1',
      date: '2026-05-01',
      type: 'institutional',
      setting: 'outpatient',
      lines: [{ revenue: '0450' }],
    });
    await addMedical(w, { id: 'CPT', member: 'M1', date: '2026-05-02', lines: [{ procedure: '99285' }] });
    await addMedical(w, { id: 'G03', member: 'M1', date: '2026-05-03', lines: [{ procedure: 'G0384' }] });
    await addMedical(w, {
      id: 'POS',
      member: 'M1',
      date: '2026-05-04',
      lines: [{ pos: '23', procedure: '99213' }],
    });
    await addMedical(w, {
      id: 'IPOS',
      member: 'M1',
      date: '2026-05-05',
      type: 'institutional',
      lines: [{ pos: '23' }],
    });
    await addMedical(w, {
      id: 'OFFICE',
      member: 'M1',
      date: '2026-05-06',
      lines: [{ pos: '11', procedure: '99213' }],
    });
    expect((await metrics()).emergencies.map((e) => e.claimId)).toEqual(['REV', 'CPT', 'G03', 'POS']);
  });

  it('finds emergency transport and emergency admissions (type 1 only)', async () => {
    await addMedical(w, { id: 'AMB', member: 'M1', date: '2026-05-01', lines: [{ procedure: 'A0427' }] });
    await addMedical(w, {
      id: 'ADM',
      member: 'M1',
      date: '2026-05-02',
      type: 'institutional',
      setting: 'inpatient',
      admissionType: '1',
    });
    await addMedical(w, {
      id: 'ELECT',
      member: 'M1',
      date: '2026-05-03',
      type: 'institutional',
      setting: 'inpatient',
      admissionType: '3',
    });
    expect((await metrics()).emergencies.map((e) => [e.kind, e.claimId])).toEqual([
      ['EMERGENCY_TRANSPORT', 'AMB'],
      ['EMERGENCY_ADMISSION', 'ADM'],
    ]);
  });

  it('makes an ED visit for an overdose both kinds of emergency', async () => {
    await addEdVisit(w, 'E1', 'M1', '2026-06-10', ['T402X1A']);
    const m = await metrics();
    expect(m.emergencies.map((e) => e.kind).sort()).toEqual(['ED_VISIT', 'OPIOID_OVERDOSE']);
    expect(m.riskFactors).toEqual(['OPIOID_OVERDOSE_HISTORY']);
  });
});

describe('claim states and dates (RISK-RULES §1)', () => {
  beforeEach(() => addMember(w, { id: 'M1' }));

  it('ignores a reversed claim and reads only the current version of an adjusted one', async () => {
    await addFill(w, {
      id: 'F1',
      member: 'M1',
      date: '2026-06-01',
      ndc: ndc.oxycodone5,
      quantity: 120,
      days: 30,
      reversed: true,
    });
    await addFill(w, {
      id: 'F2',
      member: 'M1',
      date: '2026-06-01',
      ndc: ndc.oxycodone5,
      quantity: 120,
      days: 30,
      current: false,
    });
    await addFill(w, {
      id: 'F2',
      member: 'M1',
      date: '2026-06-01',
      ndc: ndc.oxycodone5,
      quantity: 60,
      days: 30,
      version: 2,
    });
    await addMedical(w, {
      id: 'E1',
      member: 'M1',
      date: '2026-06-05',
      lines: [{ procedure: '99283' }],
      reversed: true,
    });
    const m = await metrics();
    expect(m.windows.find((x) => x.window === 'L90')).toEqual({
      window: 'L90',
      opioidDays: 30,
      averageDailyMme: 15,
    });
    expect(m.emergencies).toEqual([]);
  });

  it('sees nothing dated after the as-of date', async () => {
    await addFill(w, {
      id: 'F1',
      member: 'M1',
      date: '2026-07-01',
      ndc: ndc.oxycodone5,
      quantity: 120,
      days: 30,
    });
    await addEdVisit(w, 'E1', 'M1', '2026-07-01', ['F1120']);
    const m = await metrics();
    expect(m.w180.opioidDays).toBe(0);
    expect(m.emergencies).toEqual([]);
    expect(m.riskFactors).toEqual([]);
  });
});

describe('eligibility and market (RISK-RULES §2)', () => {
  it('is not eligible when enrollment ended the day before D, eligible when it ends on D', async () => {
    await addMember(w, { id: 'M1', end: '2026-06-29' });
    await addMember(w, { id: 'M2', end: D });
    expect((await metrics('M1')).eligible).toBe(false);
    expect((await metrics('M1')).enrolled).toBe(false);
    expect((await metrics('M2')).eligible).toBe(true);
  });

  it('is not eligible when the enrollment starts after D', async () => {
    await addMember(w, { id: 'M1', start: '2026-07-01' });
    expect((await metrics('M1')).eligible).toBe(false);
  });

  it('keeps lines of business out of scope unless configured', async () => {
    await addMember(w, { id: 'M1', lineOfBusiness: 'medicare' });
    expect((await metrics('M1')).eligible).toBe(false);
    expect((await metrics('M1', { linesOfBusiness: ['commercial', 'medicare'] })).eligible).toBe(true);
  });

  const markets: Array<[string, MemberSpec, string]> = [
    ['county FIPS of Brooklyn', { id: 'M1', state: 'NY', zip: '14201', county: '36047' }, 'NYC'],
    [
      'county FIPS of Cook County over the ZIP',
      { id: 'M1', state: 'IL', zip: '10001', county: '17031' },
      'CHICAGO',
    ],
    ['county FIPS of Philadelphia', { id: 'M1', state: 'PA', zip: '19103', county: '42101' }, 'PHILADELPHIA'],
    ['county FIPS of DC', { id: 'M1', state: 'DC', zip: '20001', county: '11001' }, 'DC'],
    [
      'another county: the state decides, not the ZIP',
      { id: 'M1', state: 'NJ', zip: '10001', county: '34003' },
      'NJ',
    ],
    ['no county: ZIP3 116 is NYC', { id: 'M1', state: 'NY', zip: '11691' }, 'NYC'],
    ['no county: ZIP3 606 is Chicago', { id: 'M1', state: 'IL', zip: '60601' }, 'CHICAGO'],
    ['no county: ZIP3 191 is Philadelphia', { id: 'M1', state: 'PA', zip: '19104' }, 'PHILADELPHIA'],
    ['no county: ZIP3 202 is DC', { id: 'M1', state: 'DC', zip: '20202' }, 'DC'],
    ['no county: ZIP3 201 is not DC, state VA decides', { id: 'M1', state: 'VA', zip: '20101' }, 'VA'],
    ['no county, ZIP elsewhere: state CT', { id: 'M1', state: 'CT', zip: '06101' }, 'CT'],
    ['no county, ZIP elsewhere: state MD', { id: 'M1', state: 'md', zip: '21201' }, 'MD'],
    ['upstate New York is other', { id: 'M1', state: 'NY', zip: '14201' }, 'other'],
    ['Pittsburgh is other', { id: 'M1', state: 'PA', zip: '15201', county: '42003' }, 'other'],
  ];
  for (const [name, spec, market] of markets)
    it(`places ${name} in ${market}`, async () => {
      await addMember(w, spec);
      const m = await metrics('M1');
      expect(m.market).toBe(market);
      expect(m.eligible).toBe(market !== 'other');
    });

  it('makes other markets eligible when configured', async () => {
    await addMember(w, { id: 'M1', state: 'TX', zip: '75001' });
    expect((await metrics('M1', { markets: ['other'] })).eligible).toBe(true);
  });
});
