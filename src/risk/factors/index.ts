import { type RiskFactorCode, riskFactorCodes } from '../risk-types.ts';
import { highMme } from './high-mme.ts';
import { longTermOpioid } from './long-term-opioid.ts';
import { multiplePrescribersPharmacies } from './multiple-prescribers-pharmacies.ts';
import { opioidBenzoOverlap } from './opioid-benzo-overlap.ts';
import { opioidOverdoseHistory } from './opioid-overdose-history.ts';
import { otherSudDiagnosis } from './other-sud-diagnosis.ts';
import { oudDiagnosis } from './oud-diagnosis.ts';
import type { RiskFactor } from './risk-factor.ts';

export { opioidEpisodeSql, type RiskFactor } from './risk-factor.ts';

/** Every RISK-RULES §5 factor by its code; the compiler checks that none is missing. */
const byCode: Record<RiskFactorCode, RiskFactor> = {
  OPIOID_OVERDOSE_HISTORY: opioidOverdoseHistory,
  OUD_DIAGNOSIS: oudDiagnosis,
  HIGH_MME: highMme,
  OPIOID_BENZO_OVERLAP: opioidBenzoOverlap,
  MULTIPLE_PRESCRIBERS_PHARMACIES: multiplePrescribersPharmacies,
  LONG_TERM_OPIOID: longTermOpioid,
  OTHER_SUD_DIAGNOSIS: otherSudDiagnosis,
};

/** The factors in the order of `riskFactorCodes` (the order runs record them in). */
export const riskFactors: readonly RiskFactor[] = riskFactorCodes.map((code) => byCode[code]);

export function riskFactor(code: RiskFactorCode): RiskFactor {
  return byCode[code];
}

/** The `rk_member` column names of a factor's outcome. */
export function factorColumns(factor: RiskFactor): { rule: string; met: string; value: string } {
  const key = factor.code.toLowerCase();
  return { rule: `${key}_rule`, met: `${key}_met`, value: `${key}_value` };
}
