import type { MemberRiskProfile, RiskFactorCode } from './letter-types.ts';

/** The factors that make a member high risk for prescribers (RISK-RULES §8). */
export const letterFactorCodes: ReadonlySet<RiskFactorCode> = new Set([
  'HIGH_MME',
  'MULTIPLE_PRESCRIBERS_PHARMACIES',
  'OPIOID_BENZO_OVERLAP',
  'OPIOID_OVERDOSE_HISTORY',
]);

/**
 * True when a member is high risk for prescribers (RISK-RULES §8): eligible, not excluded,
 * an opioid fill in L90, and any of the four letter factors.
 */
export function isHighRiskForPrescribers(profile: MemberRiskProfile, hasOpioidFillL90: boolean): boolean {
  return (
    profile.eligible &&
    profile.exclusions.length === 0 &&
    hasOpioidFillL90 &&
    profile.factors.some((f) => letterFactorCodes.has(f.code))
  );
}
