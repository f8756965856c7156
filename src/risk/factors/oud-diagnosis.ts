import { diagnosisFactor } from './risk-factor.ts';

/** §5 OUD_DIAGNOSIS: an opioid use disorder code on any medical claim in W365. */
export const oudDiagnosis = diagnosisFactor({
  code: 'OUD_DIAGNOSIS',
  label: 'OUD diagnosis',
  part2: true,
  hit: 'oud',
  claimsColumn: 'oud_claims',
  what: 'An opioid use disorder code (F11.*)',
});
