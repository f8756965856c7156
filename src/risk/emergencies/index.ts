import { type EmergencyKind, emergencyKinds } from '../risk-types.ts';
import { edVisit } from './ed-visit.ts';
import type { EmergencyDefinition } from './emergency.ts';
import { emergencyAdmission } from './emergency-admission.ts';
import { emergencyTransport } from './emergency-transport.ts';
import { opioidOverdose } from './opioid-overdose.ts';

export type { EmergencyDefinition } from './emergency.ts';

/** Every RISK-RULES §6 emergency kind by its code; the compiler checks that none is missing. */
const byCode: Record<EmergencyKind, EmergencyDefinition> = {
  OPIOID_OVERDOSE: opioidOverdose,
  EMERGENCY_ADMISSION: emergencyAdmission,
  ED_VISIT: edVisit,
  EMERGENCY_TRANSPORT: emergencyTransport,
};

export const emergencyDefinitions: readonly EmergencyDefinition[] = emergencyKinds.map(
  (kind) => byCode[kind],
);
