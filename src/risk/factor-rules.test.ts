import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { evaluateMembers } from './evaluate-members.ts';
import { parseRiskConfig, type RiskConfigInput } from './risk-config.ts';
import type { MemberMetrics, RiskFactorCode } from './risk-types.ts';
import { addFill, addMedical, addMember, D, ndc, openTestWarehouse, W180_START } from './test-population.ts';

let w: Warehouse;
beforeEach(async () => {
  w = await openTestWarehouse();
  await addMember(w, { id: 'M1' });
});
afterEach(async () => {
  await w.close();
});

async function metrics(config: RiskConfigInput = {}): Promise<MemberMetrics> {
  const [m] = await evaluateMembers(w, { asOf: D, memberId: 'M1', config: parseRiskConfig(config) });
  if (!m) throw new Error('no metrics for M1');
  return m;
}

const factor = (m: MemberMetrics, code: RiskFactorCode) => m.factors.find((f) => f.code === code);

/** Oxycodone 5 mg fills: `tabletsPerDay` × 5 mg × 1.5 MME each day. */
async function oxy(
  id: string,
  date: string,
  days: number,
  tabletsPerDay = 4,
  extra: Record<string, string | null> = {},
) {
  await addFill(w, {
    id,
    member: 'M1',
    date,
    ndc: ndc.oxycodone5,
    quantity: tabletsPerDay * days,
    days,
    ...extra,
  });
}

describe('HIGH_MME (RISK-RULES §5)', () => {
  it('is met at an average of exactly 90.00 MME over W180 with an episode', async () => {
    await oxy('F1', '2026-03-01', 30, 12); // 90 MME
    await oxy('F2', '2026-03-31', 30, 12);
    const m = await metrics();
    expect(m.w180.averageDailyMme).toBe(90);
    expect(factor(m, 'HIGH_MME')).toMatchObject({ met: true, value: 90 });
    expect(factor(m, 'HIGH_MME')?.evidence).toEqual(['F1', 'F2']);
  });

  it('is missed at 89.88 average MME', async () => {
    await oxy('F1', '2026-03-01', 30, 12); // 90
    await addFill(w, {
      id: 'F2',
      member: 'M1',
      date: '2026-03-31',
      ndc: ndc.oxycodone5,
      quantity: 359,
      days: 30,
    }); // 89.75
    const m = await metrics();
    expect(m.w180.averageDailyMme).toBe(89.88);
    expect(factor(m, 'HIGH_MME')).toMatchObject({ met: false, ruleMet: false });
  });

  it('compares the rounded average: 60 MME of fentanyl patches meets a threshold of 60', async () => {
    await addFill(w, {
      id: 'P1',
      member: 'M1',
      date: '2026-05-01',
      ndc: ndc.fentanylPatch25,
      quantity: 10,
      days: 30,
    });
    await addFill(w, {
      id: 'P2',
      member: 'M1',
      date: '2026-05-31',
      ndc: ndc.fentanylPatch25,
      quantity: 10,
      days: 30,
    });
    const m = await metrics({ thresholds: { highMme: 60 } });
    expect(m.w180.averageDailyMme).toBe(60);
    expect(factor(m, 'HIGH_MME')?.met).toBe(true);
  });

  it('needs two fills on different dates: two fills the same day are no episode', async () => {
    await oxy('F1', '2026-05-01', 30, 12);
    await oxy('F2', '2026-05-01', 30, 12);
    const m = await metrics();
    expect(m.w180.opioidEpisode).toBe(false);
    expect(factor(m, 'HIGH_MME')?.met).toBe(false);
  });

  it('needs 15 days supply in all: 7 + 7 is no episode, 7 + 8 is', async () => {
    await oxy('F1', '2026-05-01', 7, 20);
    await oxy('F2', '2026-05-08', 7, 20);
    expect((await metrics()).w180.opioidEpisode).toBe(false);
    await w.run("update pharmacy_claim set days_supply = 8, quantity = 160 where claim_id = 'F2'");
    const m = await metrics();
    expect(m.w180.opioidEpisode).toBe(true);
    expect(factor(m, 'HIGH_MME')?.met).toBe(true);
  });

  it('counts coverage from a fill made before W180 but not the fill itself', async () => {
    await oxy('F0', '2025-12-20', 30, 12); // covers 2026-01-02 … 2026-01-18 inside W180: 17 days
    await oxy('F1', '2026-03-01', 10, 4);
    const m = await metrics();
    expect(m.w180.opioidDays).toBe(27);
    expect(m.w180.opioidFillDates).toBe(1);
    expect(m.w180.opioidDaysSupply).toBe(10);
    expect(m.w180.averageDailyMme).toBe(Math.round(((17 * 90 + 10 * 30) / 27) * 100) / 100);
  });
});

describe('MULTIPLE_PRESCRIBERS_PHARMACIES (RISK-RULES §5)', () => {
  async function fillsFrom(prescribers: Array<string | null>, pharmacies: Array<string | null>) {
    for (const [i, p] of prescribers.entries())
      await oxy(`F${i}`, `2026-0${3 + (i % 4)}-1${i}`, 5, 2, {
        prescriber: p,
        pharmacy: pharmacies[i] ?? null,
      });
  }

  it('is met with 4 prescribers and 4 pharmacies', async () => {
    await fillsFrom(['P1', 'P2', 'P3', 'P4'], ['R1', 'R2', 'R3', 'R4']);
    const m = await metrics();
    expect(factor(m, 'MULTIPLE_PRESCRIBERS_PHARMACIES')).toMatchObject({ met: true, value: 4 });
    expect(m.w180.prescribers).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(m.w180.pharmacies).toEqual(['R1', 'R2', 'R3', 'R4']);
  });

  it('is missed with 3 prescribers and 4 pharmacies', async () => {
    await fillsFrom(['P1', 'P2', 'P3', 'P3'], ['R1', 'R2', 'R3', 'R4']);
    expect(factor(await metrics(), 'MULTIPLE_PRESCRIBERS_PHARMACIES')?.met).toBe(false);
  });

  it('does not count a fill with no prescriber id', async () => {
    await fillsFrom(['P1', 'P2', 'P3', null], ['R1', 'R2', 'R3', 'R4']);
    const m = await metrics();
    expect(factor(m, 'MULTIPLE_PRESCRIBERS_PHARMACIES')?.numbers).toMatchObject({
      prescribers: 3,
      pharmacies: 4,
    });
  });

  it('counts only fills with a fill date in W180', async () => {
    await fillsFrom(['P1', 'P2', 'P3'], ['R1', 'R2', 'R3']);
    await oxy('OLD', '2025-12-31', 30, 2, { prescriber: 'P4', pharmacy: 'R4' });
    expect(factor(await metrics(), 'MULTIPLE_PRESCRIBERS_PHARMACIES')?.met).toBe(false);
    await w.run(`update pharmacy_claim set fill_date = cast($1 as date) where claim_id = 'OLD'`, [
      W180_START,
    ]);
    expect(factor(await metrics(), 'MULTIPLE_PRESCRIBERS_PHARMACIES')?.met).toBe(true);
  });
});

describe('OPIOID_BENZO_OVERLAP (RISK-RULES §5)', () => {
  async function setUp(secondBenzoDays: number) {
    await oxy('O1', '2026-02-01', 60);
    await oxy('O2', '2026-04-02', 60);
    await addFill(w, {
      id: 'B1',
      member: 'M1',
      date: '2026-03-01',
      ndc: ndc.alprazolam1,
      quantity: 15,
      days: 15,
    });
    await addFill(w, {
      id: 'B2',
      member: 'M1',
      date: '2026-03-16',
      ndc: ndc.alprazolam1,
      quantity: secondBenzoDays,
      days: secondBenzoDays,
    });
  }

  it('is met with 30 days covered by both', async () => {
    await setUp(15);
    const m = await metrics();
    expect(m.w180.overlapDays).toBe(30);
    expect(factor(m, 'OPIOID_BENZO_OVERLAP')).toMatchObject({ met: true, value: 30 });
    expect(factor(m, 'OPIOID_BENZO_OVERLAP')?.evidence).toEqual(['B1', 'B2', 'O1', 'O2']);
  });

  it('is missed with 29 days covered by both', async () => {
    await setUp(14);
    const m = await metrics();
    expect(m.w180.overlapDays).toBe(29);
    expect(factor(m, 'OPIOID_BENZO_OVERLAP')?.met).toBe(false);
  });

  it('needs two benzodiazepine fills on different dates', async () => {
    await oxy('O1', '2026-02-01', 60);
    await oxy('O2', '2026-04-02', 60);
    await addFill(w, {
      id: 'B1',
      member: 'M1',
      date: '2026-03-01',
      ndc: ndc.alprazolam1,
      quantity: 60,
      days: 60,
    });
    const m = await metrics();
    expect(m.w180.overlapDays).toBe(60);
    expect(factor(m, 'OPIOID_BENZO_OVERLAP')?.met).toBe(false);
  });
});

describe('LONG_TERM_OPIOID (RISK-RULES §5)', () => {
  it('is met at 90 opioid days in W180, overlapping fills counted once', async () => {
    await oxy('O1', '2026-03-01', 45);
    await oxy('O2', '2026-04-10', 50); // overlaps O1 by 5 days: 03-01 … 05-29 = 90 days
    const m = await metrics();
    expect(m.w180.opioidDays).toBe(90);
    expect(factor(m, 'LONG_TERM_OPIOID')).toMatchObject({ met: true, value: 90 });
  });

  it('is missed at 89 opioid days', async () => {
    await oxy('O1', '2026-03-01', 45);
    await oxy('O2', '2026-04-10', 49);
    expect(factor(await metrics(), 'LONG_TERM_OPIOID')).toMatchObject({ met: false, value: 89 });
  });

  it('clips coverage at the as-of date', async () => {
    await oxy('O1', '2026-06-21', 30);
    expect((await metrics()).w180.opioidDays).toBe(10);
  });
});

describe('diagnosis factors (RISK-RULES §3, §5)', () => {
  const dx = (id: string, date: string, codes: string[]) =>
    addMedical(w, { id, member: 'M1', date, dx: codes });

  it('finds an OUD code in any position on the first day of W365, not the day before', async () => {
    await dx('C1', '2025-06-30', ['F1120']);
    expect(factor(await metrics(), 'OUD_DIAGNOSIS')?.met).toBe(false);
    await dx('C2', '2025-07-01', ['M545', 'F1111']);
    expect(factor(await metrics(), 'OUD_DIAGNOSIS')).toMatchObject({ met: true, evidence: ['C2'] });
  });

  it('counts overdose codes of intents 1–4, initial encounter only', async () => {
    await dx('A', '2026-01-10', ['T401X5A']); // adverse effect
    await dx('B', '2026-01-11', ['T401X1D']); // subsequent encounter
    await dx('C', '2026-01-12', ['T40416S']);
    expect(factor(await metrics(), 'OPIOID_OVERDOSE_HISTORY')?.met).toBe(false);
    await dx('D', '2026-01-13', ['T404X4A']);
    expect(factor(await metrics(), 'OPIOID_OVERDOSE_HISTORY')).toMatchObject({ met: true, evidence: ['D'] });
  });

  it('counts other SUD codes but not nicotine', async () => {
    await dx('A', '2026-01-10', ['F17210']);
    expect(factor(await metrics(), 'OTHER_SUD_DIAGNOSIS')?.met).toBe(false);
    await dx('B', '2026-01-10', ['F1020']);
    expect(factor(await metrics(), 'OTHER_SUD_DIAGNOSIS')?.met).toBe(true);
  });
});

describe('exclusions (RISK-RULES §5)', () => {
  async function prescribingRisk() {
    await oxy('O1', '2026-03-01', 50, 12);
    await oxy('O2', '2026-04-20', 50, 12);
    await addMedical(w, { id: 'OUD', member: 'M1', date: '2026-02-01', dx: ['F1120'] });
  }

  const cases: Array<[string, Parameters<typeof addMedical>[1], string]> = [
    ['cancer', { id: 'X', member: 'M1', date: '2026-01-05', dx: ['C50911'] }, 'CANCER'],
    ['sickle cell', { id: 'X', member: 'M1', date: '2026-01-05', dx: ['D571'] }, 'SICKLE_CELL'],
    [
      'palliative care code',
      { id: 'X', member: 'M1', date: '2026-01-05', dx: ['Z515'] },
      'HOSPICE_PALLIATIVE',
    ],
    [
      'hospice place of service',
      { id: 'X', member: 'M1', date: '2026-01-05', lines: [{ pos: '34' }] },
      'HOSPICE_PALLIATIVE',
    ],
    [
      'hospice revenue code',
      { id: 'X', member: 'M1', date: '2026-01-05', type: 'institutional', lines: [{ revenue: '0651' }] },
      'HOSPICE_PALLIATIVE',
    ],
    [
      'hospice HCPCS',
      { id: 'X', member: 'M1', date: '2026-01-05', lines: [{ procedure: 'Q5003' }] },
      'HOSPICE_PALLIATIVE',
    ],
  ];
  for (const [name, claim, code] of cases)
    it(`removes the prescribing factors for ${name} but keeps diagnosis factors`, async () => {
      await prescribingRisk();
      expect((await metrics()).riskFactors).toEqual(['OUD_DIAGNOSIS', 'HIGH_MME', 'LONG_TERM_OPIOID']);
      await addMedical(w, claim);
      const m = await metrics();
      expect(m.exclusions).toEqual([code]);
      expect(m.riskFactors).toEqual(['OUD_DIAGNOSIS']);
      expect(factor(m, 'HIGH_MME')).toMatchObject({ met: false, ruleMet: true, excludedBy: [code] });
    });

  it('does not exclude for skin cancer C44 or sickle-cell trait D57.3', async () => {
    await prescribingRisk();
    await addMedical(w, { id: 'X', member: 'M1', date: '2026-01-05', dx: ['C4491', 'D573'] });
    const m = await metrics();
    expect(m.exclusions).toEqual([]);
    expect(m.riskFactors).toContain('HIGH_MME');
  });
});

describe('context (RISK-RULES §5)', () => {
  it('is ON_MOUD with a buprenorphine fill covering D−29', async () => {
    await addFill(w, {
      id: 'B',
      member: 'M1',
      date: '2026-05-03',
      ndc: ndc.buprenorphineFilm8,
      quantity: 30,
      days: 30,
    });
    expect((await metrics()).context).toEqual(['ON_MOUD']);
  });

  it('is not ON_MOUD when the MOUD fill ended on D−30', async () => {
    await addFill(w, {
      id: 'B',
      member: 'M1',
      date: '2026-05-02',
      ndc: ndc.naltrexone50,
      quantity: 30,
      days: 30,
    });
    expect((await metrics()).context).toEqual([]);
  });

  it('is ON_MOUD with an opioid treatment program service on D−29', async () => {
    await addMedical(w, { id: 'OTP', member: 'M1', date: '2026-06-01', lines: [{ procedure: 'G2067' }] });
    expect((await metrics()).context).toEqual(['ON_MOUD']);
    await w.run("update medical_claim_line set service_date = cast('2026-05-31' as date)");
    await w.run("update medical_claim set claim_date = cast('2026-05-31' as date)");
    expect((await metrics()).context).toEqual([]);
  });

  it('does not count an OTP service dated after D on a claim that starts before it', async () => {
    await addMedical(w, {
      id: 'OTP',
      member: 'M1',
      date: '2026-06-29',
      lines: [{ procedure: 'H0020', date: '2026-07-02' }],
    });
    expect((await metrics()).context).toEqual([]);
  });

  it('shows NALOXONE_FILL for naloxone filled in W365', async () => {
    await addFill(w, {
      id: 'N',
      member: 'M1',
      date: '2025-07-01',
      ndc: ndc.naloxoneSpray4,
      quantity: 2,
      days: 1,
    });
    expect((await metrics()).context).toEqual(['NALOXONE_FILL']);
  });
});

describe('evaluateMembers populations', () => {
  it('keeps only members with an opioid fill dated in W180 when asked', async () => {
    await addMember(w, { id: 'M2' });
    await addMember(w, { id: 'M3' });
    await oxy('O1', '2026-03-01', 30);
    await addFill(w, {
      id: 'O2',
      member: 'M2',
      date: '2025-12-01',
      ndc: ndc.oxycodone5,
      quantity: 120,
      days: 60,
    });
    await addMedical(w, { id: 'X', member: 'M3', date: '2026-01-05', dx: ['F1120'] });
    const all = await evaluateMembers(w, { asOf: D });
    expect(all.map((m) => m.memberId)).toEqual(['M1', 'M2', 'M3']);
    const some = await evaluateMembers(w, { asOf: D, population: 'opioid-fill-w180' });
    expect(some.map((m) => m.memberId)).toEqual(['M1']);
    expect(some[0]).toEqual(all[0]);
  });
});
