import { type EmergencyDefinition, inLookback } from './emergency.ts';

/** §6 ED_VISIT: an emergency department visit (§3 value set) in L90. */
export const edVisit: EmergencyDefinition = {
  code: 'ED_VISIT',
  section: 'RISK-RULES §6',
  label: 'ED visit',
  part2: false,
  hit: 'ed_visit',
  rule: (config) =>
    `An emergency department visit (revenue 045x/0981, CPT 99281–99285, G0380–G0384, or POS 23) ${inLookback(config)}.`,
};
