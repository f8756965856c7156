import { type EmergencyDefinition, inLookback } from './emergency.ts';

/** §6 EMERGENCY_ADMISSION: an inpatient stay with admission type 1 (emergency) in L90. */
export const emergencyAdmission: EmergencyDefinition = {
  code: 'EMERGENCY_ADMISSION',
  section: 'RISK-RULES §6',
  label: 'Emergency admission',
  part2: false,
  hit: 'emergency_admission',
  rule: (config) => `An inpatient stay with admission type 1 (emergency) ${inLookback(config)}.`,
};
