/**
 * The codes and shapes the risk engine hands to the rest of Checkpoint (RISK-RULES §5–7).
 * Each factor's rule lives in `factors/`, each emergency kind's in `emergencies/`.
 */
export const riskFactorCodes = [
  'OPIOID_OVERDOSE_HISTORY',
  'OUD_DIAGNOSIS',
  'HIGH_MME',
  'OPIOID_BENZO_OVERLAP',
  'MULTIPLE_PRESCRIBERS_PHARMACIES',
  'LONG_TERM_OPIOID',
  'OTHER_SUD_DIAGNOSIS',
] as const;
export type RiskFactorCode = (typeof riskFactorCodes)[number];

export const emergencyKinds = [
  'OPIOID_OVERDOSE',
  'EMERGENCY_ADMISSION',
  'ED_VISIT',
  'EMERGENCY_TRANSPORT',
] as const;
export type EmergencyKind = (typeof emergencyKinds)[number];

export const exclusionCodes = ['CANCER', 'SICKLE_CELL', 'HOSPICE_PALLIATIVE'] as const;
export type ExclusionCode = (typeof exclusionCodes)[number];

export type ContextCode = 'ON_MOUD' | 'NALOXONE_FILL';
export type WindowName = 'L90' | 'W180' | 'W365';

export interface Emergency {
  kind: EmergencyKind;
  date: string;
  claimId: string;
}

/** One factor's outcome: met or missed, with the numbers that decided it. */
export interface FactorOutcome {
  code: RiskFactorCode;
  /** The factor counts for this member (after exclusions). */
  met: boolean;
  /** The rule's own test passed (an exclusion may still remove it). */
  ruleMet: boolean;
  excludedBy: ExclusionCode[];
  /** The headline number (average MME, days, prescribers, claims). */
  value: number;
  /** Every number the rule compared, and what it compared it with. */
  numbers: Record<string, number | boolean>;
  /** Claim ids that prove the factor (empty when missed). */
  evidence: string[];
}

export interface WindowMetric {
  window: WindowName;
  opioidDays: number;
  averageDailyMme: number;
}

/** Everything the rules decided about one member as of a date. */
export interface MemberMetrics {
  memberId: string;
  market: string;
  enrolled: boolean;
  lineOfBusiness: string | null;
  eligible: boolean;
  windows: WindowMetric[];
  w180: {
    opioidDays: number;
    averageDailyMme: number;
    opioidFillDates: number;
    opioidDaysSupply: number;
    opioidEpisode: boolean;
    benzodiazepineFillDates: number;
    benzodiazepineDays: number;
    overlapDays: number;
    prescribers: string[];
    pharmacies: string[];
  };
  opioidFillInL90: boolean;
  factors: FactorOutcome[];
  riskFactors: RiskFactorCode[];
  emergencies: Emergency[];
  latestEmergency: string | null;
  exclusions: ExclusionCode[];
  context: ContextCode[];
}

export type Disposition = 'new' | 'open' | 'suppressed';

/** A worklist entry: member, market, priority, disposition and the codes that put them there. */
export interface Candidate {
  memberId: string;
  market: string;
  priority: number;
  latestEmergency: string;
  emergencies: Emergency[];
  riskFactors: Array<{ code: RiskFactorCode; value: number; evidence: string[] }>;
  exclusions: ExclusionCode[];
  context: ContextCode[];
}
