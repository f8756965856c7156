import type { MemberRiskProfile } from './letter-types.ts';

/** A high-risk member profile for tests: high MME, several prescribers, an overdose and OUD. */
export function riskProfile(memberId: string, overrides: Partial<MemberRiskProfile> = {}): MemberRiskProfile {
  return {
    memberId,
    eligible: true,
    exclusions: [],
    factors: [
      { code: 'HIGH_MME', value: 120.5, evidence: ['RX1', 'RX2'] },
      { code: 'MULTIPLE_PRESCRIBERS_PHARMACIES', value: null, evidence: ['RX1'] },
      { code: 'OPIOID_OVERDOSE_HISTORY', value: null, evidence: ['MED-OD'] },
      { code: 'OUD_DIAGNOSIS', value: null, evidence: ['MED-OUD'] },
    ],
    context: ['ON_MOUD'],
    averageDailyMmeW180: 120.5,
    prescribersW180: 4,
    pharmaciesW180: 5,
    overlapDaysW180: 0,
    ...overrides,
  };
}
