import type { RecoveryDb } from '../recovery-tables.ts';

export const signalVersion = '2026.1';

export const signalCodes = [
  'OVERDOSE_AFTER_ENGAGEMENT',
  'EMERGENCY_AFTER_ENGAGEMENT',
  'OPIOID_FILL_AFTER_ENGAGEMENT',
  'MOUD_GAP',
  'MISSED_SESSIONS',
  'POSITIVE_SCREEN',
  'CHECK_IN_USE',
  'CHECK_IN_SAFETY',
] as const;
export type SignalCode = (typeof signalCodes)[number];

export const severities = ['urgent', 'high', 'normal'] as const;
export type Severity = (typeof severities)[number];

/** RISK-RULES §11's response clocks: urgent the same day, high 1 business day, normal 3. */
export const respondWithinBusinessDays: Record<Severity, number> = { urgent: 0, high: 1, normal: 3 };

/** A member the signals watch: an engaged case (or one closed under 365 days ago) and its day E. */
export interface WatchedMember {
  memberId: string;
  caseId: string;
  engagedOn: string;
  caseOpen: boolean;
}

/** One piece of evidence a signal found; the same key never raises a second alert. */
export interface SignalHit {
  memberId: string;
  evidenceKey: string;
  evidence: { source: 'claims' | 'reports' | 'check-ins'; date: string; id: string; detail: string };
}

interface SignalBase {
  readonly code: SignalCode;
  readonly section: 'RISK-RULES §11';
  readonly label: string;
  readonly severity: Severity;
  readonly rule: string;
}

/**
 * A §11 signal over the claims warehouse: SQL over the scoped rule tables (`rk_fill`,
 * `rk_medical_hit`, `rk_param`) and the watched members (`rs_watched`, `rs_care_team`),
 * selecting `member_id, evidence_key, evidence_date, evidence_id, detail`.
 */
export interface ClaimsSignal extends SignalBase {
  readonly source: 'claims';
  readonly sql: string;
}

/** A §11 signal over the facility reports and check-ins in the operational store. */
export interface ReportSignal extends SignalBase {
  readonly source: 'reports' | 'check-ins';
  find(db: RecoveryDb, asOf: string, members: readonly WatchedMember[]): Promise<SignalHit[]>;
}

export type RecoverySignal = ClaimsSignal | ReportSignal;
