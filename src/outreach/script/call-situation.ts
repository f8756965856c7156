import { z } from 'zod';

/** Emergency kinds (RISK-RULES §6) as the worklist names them. */
export const emergencyKinds = [
  'OPIOID_OVERDOSE',
  'ED_VISIT',
  'EMERGENCY_ADMISSION',
  'EMERGENCY_TRANSPORT',
] as const;
export type EmergencyKind = (typeof emergencyKinds)[number];

/**
 * What the script needs to know about the member: the facts the plan already holds
 * for treatment, payment and operations, reduced to what shapes the conversation.
 */
export const callSituationSchema = z.object({
  /** The name the caller asks for; never read out before identity is verified. */
  preferredName: z.string().min(1).optional(),
  emergencies: z.array(z.enum(emergencyKinds)),
  /** Days since the latest emergency in the 90-day lookback. */
  daysSinceEmergency: z.number().int().min(0).optional(),
  riskFactors: z.array(z.string()),
  /** Context codes, RISK-RULES §5: ON_MOUD, NALOXONE_FILL. */
  context: z.array(z.string()),
  /** Whether the member's plan includes behavioral-health case management. */
  hasBehavioralHealthCaseManagement: z.boolean(),
  planType: z.enum(['HMO', 'EPO', 'POS', 'PPO']).optional(),
});

export type CallSituation = z.infer<typeof callSituationSchema>;

/** True when any emergency in the lookback was an opioid overdose. */
export function hadOverdose(situation: CallSituation): boolean {
  return (
    situation.emergencies.includes('OPIOID_OVERDOSE') ||
    situation.riskFactors.includes('OPIOID_OVERDOSE_HISTORY')
  );
}

/** True when the member has a MOUD fill or OTP service in the last 30 days (context ON_MOUD). */
export function isOnMoud(situation: CallSituation): boolean {
  return situation.context.includes('ON_MOUD');
}
