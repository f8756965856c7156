import { diagnosisFactor } from './risk-factor.ts';

/** §5 OPIOID_OVERDOSE_HISTORY: an opioid-overdose code on any medical claim in W365 (CMS DMP). */
export const opioidOverdoseHistory = diagnosisFactor({
  code: 'OPIOID_OVERDOSE_HISTORY',
  label: 'Overdose history',
  part2: false,
  hit: 'opioid_overdose',
  claimsColumn: 'overdose_claims',
  what: 'An opioid overdose code',
});
