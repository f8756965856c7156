import { type EmergencyDefinition, inLookback } from './emergency.ts';

/** §6 EMERGENCY_TRANSPORT: emergency ambulance transport (§3 value set) in L90. */
export const emergencyTransport: EmergencyDefinition = {
  code: 'EMERGENCY_TRANSPORT',
  section: 'RISK-RULES §6',
  label: 'Ambulance',
  part2: false,
  hit: 'emergency_transport',
  rule: (config) => `Emergency ambulance transport (A0427, A0429, A0433, A0434) ${inLookback(config)}.`,
};
