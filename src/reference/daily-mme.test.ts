import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDrug } from './builtin-drugs.ts';
import { dailyMme, roundMme } from './daily-mme.ts';
import { factorFor, factorSets } from './mme-factors.ts';

describe('dailyMme', () => {
  it('gives 20 MME for hydrocodone 5 mg four times a day (CDC 2022 worked example)', () => {
    const factor = factorFor('cdc-2022', 'hydrocodone', 'oral')!;
    expect(dailyMme({ strength: 5, unit: 'MG', quantity: 120, daysSupply: 30, factor })).toBe(20);
  });

  it('gives 30 MME for oxycodone ER 10 mg twice a day (CDC 2022 worked example)', () => {
    const factor = factorFor('cdc-2022', 'oxycodone', 'oral')!;
    expect(dailyMme({ strength: 10, unit: 'MG', quantity: 60, daysSupply: 30, factor })).toBe(30);
  });

  it('gives exactly 60 for ten 25 mcg/hr patches over 30 days under both factor sets', () => {
    const patch = builtinDrug('fentanyl-patch-25');
    for (const set of factorSets) {
      const factor = factorFor(set, patch.ingredient, patch.routeGroup)!;
      expect(dailyMme({ strength: 25, unit: 'MCG/HR', quantity: 10, daysSupply: 30, factor })).toBe(60);
    }
  });

  it('applies the patch factor to the claim days supply, not to patches × 3 (10 patches / 20 days → 90)', () => {
    const factor = factorFor('cdc-2018', 'fentanyl', 'transdermal')!;
    expect(dailyMme({ strength: 25, unit: 'MCG/HR', quantity: 10, daysSupply: 20, factor })).toBe(90);
  });

  it('reads a patch strength in MG/HR (RxNorm) as the same mcg/hr', () => {
    expect(dailyMme({ strength: 0.025, unit: 'MG/HR', quantity: 10, daysSupply: 30, factor: 7.2 })).toBe(60);
  });

  it('gives 60 MME for 10 mg oxycodone, 120 tablets over 30 days (CDC 2018 file example)', () => {
    expect(dailyMme({ strength: 10, unit: 'MG', quantity: 120, daysSupply: 30, factor: 1.5 })).toBe(60);
  });

  it('rounds to 2 decimals, half away from zero', () => {
    expect(dailyMme({ strength: 5, unit: 'MG', quantity: 10, daysSupply: 30, factor: 1 })).toBe(1.67);
    expect(roundMme(0.125)).toBe(0.13);
    expect(roundMme(1.005)).toBe(1.01);
    expect(roundMme(59.99999999999999)).toBe(60);
  });

  it('refuses zero days supply and negative inputs', () => {
    expect(() => dailyMme({ strength: 5, unit: 'MG', quantity: 10, daysSupply: 0, factor: 1 })).toThrow(
      /days supply/,
    );
    expect(() => dailyMme({ strength: 5, unit: 'MG', quantity: -10, daysSupply: 5, factor: 1 })).toThrow(
      /negative/,
    );
  });

  it('is never negative and never more than a hundredth off the exact product', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 365 }),
        fc.constantFrom(0.13, 0.15, 0.2, 1, 1.5, 3, 4.7, 5, 7.2),
        (strength, quantity, daysSupply, factor) => {
          const mme = dailyMme({ strength, unit: 'MG', quantity, daysSupply, factor });
          expect(mme).toBeGreaterThanOrEqual(0);
          expect(Math.abs(mme - (strength * quantity * factor) / daysSupply)).toBeLessThanOrEqual(
            0.005 + 1e-9,
          );
        },
      ),
    );
  });
});

describe('factorFor', () => {
  it('gives the CDC 2022 table in cdc-2022 and the 2018 file factors in cdc-2018', () => {
    const expected2022 = { hydromorphone: 5, methadone: 4.7, tramadol: 0.2, tapentadol: 0.4, codeine: 0.15 };
    const expected2018 = { hydromorphone: 4, methadone: 3, tramadol: 0.1, tapentadol: 0.4, codeine: 0.15 };
    for (const [ingredient, factor] of Object.entries(expected2022))
      expect(factorFor('cdc-2022', ingredient, 'oral')).toBe(factor);
    for (const [ingredient, factor] of Object.entries(expected2018))
      expect(factorFor('cdc-2018', ingredient, 'oral')).toBe(factor);
  });

  it('splits fentanyl by route and gives it nothing by mouth', () => {
    expect(factorFor('cdc-2022', 'fentanyl', 'transdermal')).toBe(7.2);
    expect(factorFor('cdc-2022', 'fentanyl', 'buccal')).toBe(0.13);
    expect(factorFor('cdc-2022', 'fentanyl', 'mucosal')).toBe(0.18);
    expect(factorFor('cdc-2022', 'fentanyl', 'nasal')).toBe(0.16);
    expect(factorFor('cdc-2022', 'fentanyl', 'oral')).toBeNull();
  });

  it('never gives buprenorphine a factor, by any route, in any set', () => {
    for (const set of factorSets)
      for (const route of ['oral', 'buccal', 'transdermal', '*'])
        expect(factorFor(set, 'buprenorphine', route)).toBeNull();
  });

  it('gives no factor to injectables, benzodiazepines and antagonists', () => {
    expect(factorFor('cdc-2022', 'morphine', 'injectable')).toBeNull();
    expect(factorFor('cdc-2022', 'alprazolam', 'oral')).toBeNull();
    expect(factorFor('cdc-2022', 'naltrexone', 'oral')).toBeNull();
    expect(factorFor('cdc-2022', 'naloxone', 'nasal')).toBeNull();
  });

  it('reads the ingredient case-insensitively', () => {
    expect(factorFor('cdc-2022', ' Oxycodone ', 'oral')).toBe(1.5);
  });
});
