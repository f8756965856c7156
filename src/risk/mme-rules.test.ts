import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../platform/calendar/iso-days.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { computeDailyMme } from './compute-mme.ts';
import { dailyMmeSeries } from './daily-mme-series.ts';
import { explainMember } from './explain-member.ts';
import { parseRiskConfig } from './risk-config.ts';
import { addFill, addMember, D, ndc, openTestWarehouse } from './test-population.ts';

let w: Warehouse;
beforeEach(async () => {
  w = await openTestWarehouse();
  await addMember(w, { id: 'M1' });
});
afterEach(async () => {
  await w.close();
});

async function fillMme(fill: { ndc: string; quantity: number; days: number }, factorSet = 'cdc-2022') {
  await addFill(w, { id: 'F1', member: 'M1', date: '2026-06-01', ...fill });
  const config = parseRiskConfig({ factorSet });
  const explained = await explainMember(w, 'M1', { asOf: D, config });
  return explained.fills[0];
}

describe('daily MME of a fill (RISK-RULES §4)', () => {
  it('gives hydrocodone 5 mg four times a day 20 MME (CDC 2022 worked example)', async () => {
    expect((await fillMme({ ndc: ndc.hydrocodone5, quantity: 120, days: 30 }))?.dailyMme).toBe(20);
  });

  it('gives oxycodone ER 10 mg twice a day 30 MME (CDC 2022 worked example)', async () => {
    expect((await fillMme({ ndc: ndc.oxycodoneEr10, quantity: 60, days: 30 }))?.dailyMme).toBe(30);
  });

  it('gives a 25 mcg/hr fentanyl patch, 10 patches for 30 days, exactly 60 MME', async () => {
    const fill = await fillMme({ ndc: ndc.fentanylPatch25, quantity: 10, days: 30 });
    expect(fill?.factor).toBe(7.2);
    expect(fill?.dailyMme).toBe(60);
  });

  it('reads a liquid by its MG/ML strength times the millilitres dispensed', async () => {
    // 4 mg/mL morphine, 300 mL over 30 days = 40 mg/day × 1.
    expect((await fillMme({ ndc: ndc.morphineSolution4, quantity: 300, days: 30 }))?.dailyMme).toBe(40);
  });

  it('converts methadone at a flat 4.7 under cdc-2022', async () => {
    expect((await fillMme({ ndc: ndc.methadone10, quantity: 90, days: 30 }))?.dailyMme).toBe(141);
  });

  it('converts methadone at 3 under cdc-2018', async () => {
    expect((await fillMme({ ndc: ndc.methadone10, quantity: 90, days: 30 }, 'cdc-2018'))?.dailyMme).toBe(90);
  });

  it('uses hydromorphone 5 under cdc-2022 and 4 under cdc-2018', async () => {
    expect((await fillMme({ ndc: ndc.hydromorphone2, quantity: 90, days: 30 }))?.dailyMme).toBe(30);
    await w.run('delete from pharmacy_claim');
    expect((await fillMme({ ndc: ndc.hydromorphone2, quantity: 90, days: 30 }, 'cdc-2018'))?.dailyMme).toBe(
      24,
    );
  });

  it('never counts buprenorphine as MME, whatever class the reference gives it', async () => {
    await addFill(w, {
      id: 'B1',
      member: 'M1',
      date: '2026-06-01',
      ndc: ndc.buprenorphineFilm8,
      quantity: 30,
      days: 30,
    });
    await addFill(w, {
      id: 'B2',
      member: 'M1',
      date: '2026-06-01',
      ndc: ndc.buprenorphinePatch10,
      quantity: 4,
      days: 28,
    });
    const explained = await explainMember(w, 'M1', { asOf: D });
    expect(explained.fills.map((f) => [f.claimId, f.kind, f.dailyMme])).toEqual([
      ['B1', 'moud', null],
      ['B2', 'moud', null],
    ]);
    expect(explained.metrics?.windows.every((x) => x.opioidDays === 0)).toBe(true);
    expect(explained.metrics?.context).toContain('ON_MOUD');
  });

  it('counts an opioid with no factor as opioid days with 0 MME', async () => {
    const fill = await fillMme({ ndc: ndc.unknownOpioid, quantity: 30, days: 30 });
    expect(fill).toMatchObject({ kind: 'opioid', factor: null, dailyMme: null });
  });

  it('adds overlapping fills on the days they share and shows each day in the series', async () => {
    await addFill(w, {
      id: 'A',
      member: 'M1',
      date: '2026-06-01',
      ndc: ndc.oxycodone5,
      quantity: 40,
      days: 10,
    });
    await addFill(w, {
      id: 'B',
      member: 'M1',
      date: '2026-06-08',
      ndc: ndc.hydrocodone5,
      quantity: 20,
      days: 5,
    });
    const series = await dailyMmeSeries(w, 'M1', '2026-05-31', '2026-06-13');
    expect(series.map((d) => d.mme)).toEqual([0, 30, 30, 30, 30, 30, 30, 30, 50, 50, 50, 20, 20, 0]);
    expect(series[0]?.date).toBe('2026-05-31');
  });

  it('gives an explanation with daily MME over W365 equal to the series, from one run', async () => {
    // One fill that starts before W365 and reaches into it, and two overlapping ones near D.
    await addFill(w, {
      id: 'OLD',
      member: 'M1',
      date: addDays(D, -380),
      ndc: ndc.oxycodone5,
      quantity: 180,
      days: 30,
    });
    await addFill(w, {
      id: 'A',
      member: 'M1',
      date: '2026-06-01',
      ndc: ndc.oxycodone5,
      quantity: 40,
      days: 10,
    });
    await addFill(w, {
      id: 'B',
      member: 'M1',
      date: '2026-06-08',
      ndc: ndc.hydrocodone5,
      quantity: 20,
      days: 5,
    });
    const explained = await explainMember(w, 'M1', { asOf: D, withDailyMme: true });
    const series = await dailyMmeSeries(w, 'M1', addDays(D, -364), D);
    expect(explained.dailyMme).toEqual(series);
    expect(series).toHaveLength(365);
    expect(series[0]?.mme).toBeGreaterThan(0);
    expect(series.some((d) => d.mme === 50)).toBe(true);
    expect((await explainMember(w, 'M1', { asOf: D })).dailyMme).toBeUndefined();
  });
});

describe('the mme command computation', () => {
  it('answers by NDC with the chosen factor set', async () => {
    const a = await computeDailyMme(w, {
      ndc: ndc.methadone10,
      quantity: 90,
      daysSupply: 30,
      factorSet: 'cdc-2018',
    });
    expect(a).toMatchObject({ dailyMme: 90, note: null });
    expect(a.ingredients[0]?.factor).toBe(3);
  });

  it('gives no MME for buprenorphine and says why', async () => {
    const a = await computeDailyMme(w, {
      ndc: ndc.buprenorphineFilm8,
      quantity: 30,
      daysSupply: 30,
      factorSet: 'cdc-2022',
    });
    expect(a.dailyMme).toBeNull();
    expect(a.note).toMatch(/MOUD/);
  });

  it('reports an unknown NDC as not found', async () => {
    await expect(
      computeDailyMme(w, { ndc: '99999999999', quantity: 1, daysSupply: 1, factorSet: 'cdc-2022' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
