import { diagnosisFactor } from './risk-factor.ts';

/** §5 OTHER_SUD_DIAGNOSIS: a substance use disorder code other than opioids or nicotine in W365. */
export const otherSudDiagnosis = diagnosisFactor({
  code: 'OTHER_SUD_DIAGNOSIS',
  label: 'Other SUD diagnosis',
  part2: true,
  hit: 'other_sud',
  claimsColumn: 'other_sud_claims',
  what: 'A substance use disorder code other than opioids or nicotine',
});
