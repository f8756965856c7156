import { type EmergencyDefinition, inLookback } from './emergency.ts';

/** §6 OPIOID_OVERDOSE: an opioid-overdose code in any setting in L90. */
export const opioidOverdose: EmergencyDefinition = {
  code: 'OPIOID_OVERDOSE',
  section: 'RISK-RULES §6',
  label: 'Overdose',
  part2: false,
  hit: 'opioid_overdose',
  rule: (config) =>
    `An opioid overdose code (T40.x, initial encounter) in any setting ${inLookback(config)}.`,
};
