import { describe, expect, it } from 'vitest';
import type { MemberMetrics } from '../../risk/risk-types.ts';
import { findReviewEvidence } from './review-candidates.ts';

function metrics(o: {
  mme?: number;
  prescribers?: number;
  pharmacies?: number;
  overdose?: boolean;
  fills?: number;
  excluded?: boolean;
}): MemberMetrics {
  const ids = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
  return {
    memberId: 'M1',
    market: 'NJ',
    enrolled: true,
    lineOfBusiness: 'commercial',
    eligible: true,
    windows: [],
    w180: {
      opioidDays: 120,
      averageDailyMme: o.mme ?? 0,
      opioidFillDates: o.fills ?? 4,
      opioidDaysSupply: 120,
      opioidEpisode: true,
      benzodiazepineFillDates: 0,
      benzodiazepineDays: 0,
      overlapDays: 0,
      prescribers: ids(o.prescribers ?? 1, 'P'),
      pharmacies: ids(o.pharmacies ?? 1, 'R'),
    },
    opioidFillInL90: true,
    factors: o.overdose
      ? [
          {
            code: 'OPIOID_OVERDOSE_HISTORY',
            met: true,
            ruleMet: true,
            excludedBy: [],
            value: 1,
            numbers: {},
            evidence: ['C1'],
          },
        ]
      : [],
    riskFactors: [],
    emergencies: [],
    latestEmergency: null,
    exclusions: o.excluded ? ['CANCER'] : [],
    context: [],
  };
}

describe('lock-in review candidates (RISK-RULES §9)', () => {
  const cases: Array<[string, Parameters<typeof metrics>[0], string[] | null]> = [
    [
      '90 MME with 3 prescribers and 3 pharmacies',
      { mme: 90, prescribers: 3, pharmacies: 3 },
      ['MME_AND_MULTIPLE_PROVIDERS'],
    ],
    ['89.99 MME with 3 and 3', { mme: 89.99, prescribers: 3, pharmacies: 3 }, null],
    [
      '89.995 MME rounds to 90.00',
      { mme: 89.995, prescribers: 3, pharmacies: 3 },
      ['MME_AND_MULTIPLE_PROVIDERS'],
    ],
    ['90 MME with 3 prescribers and 2 pharmacies', { mme: 120, prescribers: 3, pharmacies: 2 }, null],
    [
      '90 MME with 5 prescribers and 1 pharmacy',
      { mme: 120, prescribers: 5, pharmacies: 1 },
      ['MME_AND_MULTIPLE_PROVIDERS'],
    ],
    ['4 prescribers and 1 pharmacy', { mme: 120, prescribers: 4, pharmacies: 1 }, null],
    ['an overdose with an opioid fill in W180', { overdose: true }, ['OVERDOSE_HISTORY_WITH_OPIOID']],
    ['an overdose with no opioid fill in W180', { overdose: true, fills: 0 }, null],
    [
      'both criteria',
      { mme: 150, prescribers: 6, overdose: true },
      ['MME_AND_MULTIPLE_PROVIDERS', 'OVERDOSE_HISTORY_WITH_OPIOID'],
    ],
    ['an excluded member meeting both', { mme: 150, prescribers: 6, overdose: true, excluded: true }, null],
  ];
  for (const [name, input, expected] of cases)
    it(`${expected ? 'proposes' : 'does not propose'} ${name}`, () => {
      expect(findReviewEvidence(metrics(input), '2026-06-30')?.criteria ?? null).toEqual(expected);
    });
});
