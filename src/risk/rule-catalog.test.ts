import { describe, expect, it } from 'vitest';
import { riskFactors } from './factors/index.ts';
import { parseRiskConfig } from './risk-config.ts';
import { emergencyKinds, riskFactorCodes } from './risk-types.ts';
import { describeRules } from './rule-catalog.ts';

describe('the rule catalog', () => {
  it('describes every factor and emergency kind once, in the recorded order', () => {
    const catalog = describeRules(parseRiskConfig({}));
    expect(catalog.riskFactors.map((f) => f.code)).toEqual([...riskFactorCodes]);
    expect(catalog.emergencies.map((e) => e.code)).toEqual([...emergencyKinds]);
    expect(catalog.exclusions.map((e) => e.code)).toEqual(['CANCER', 'SICKLE_CELL', 'HOSPICE_PALLIATIVE']);
  });

  it('states the thresholds, windows and weights the configuration sets, not the defaults', () => {
    const defaults = describeRules(parseRiskConfig({}));
    const high = defaults.riskFactors.find((f) => f.code === 'HIGH_MME');
    expect(high?.rule).toContain('90 or more');
    expect(high?.weight).toBe(15);
    const changed = describeRules(
      parseRiskConfig({
        thresholds: { highMme: 120, minPrescribers: 5 },
        windows: { shortDays: 120, lookbackDays: 60 },
        factorWeights: { HIGH_MME: 7 },
      }),
    );
    const byCode = new Map(changed.riskFactors.map((f) => [f.code, f]));
    expect(byCode.get('HIGH_MME')?.rule).toContain('120 or more over those 120 days');
    expect(byCode.get('HIGH_MME')?.weight).toBe(7);
    expect(byCode.get('MULTIPLE_PRESCRIBERS_PHARMACIES')?.rule).toContain('5 or more prescribers');
    expect(changed.emergencies.every((e) => e.rule.includes('last 60 days'))).toBe(true);
  });

  it('marks the substance-use diagnoses and MOUD as Part 2, and only the prescribing factors as excludable', () => {
    const catalog = describeRules(parseRiskConfig({}));
    expect(catalog.riskFactors.filter((f) => f.part2).map((f) => f.code)).toEqual([
      'OUD_DIAGNOSIS',
      'OTHER_SUD_DIAGNOSIS',
    ]);
    expect(catalog.context.find((c) => c.code === 'ON_MOUD')?.part2).toBe(true);
    expect(riskFactors.filter((f) => f.prescribing).map((f) => f.code)).toEqual([
      'HIGH_MME',
      'OPIOID_BENZO_OVERLAP',
      'MULTIPLE_PRESCRIBERS_PHARMACIES',
      'LONG_TERM_OPIOID',
    ]);
  });
});
