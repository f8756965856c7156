/** Why member data was touched (HIPAA TPO, or a disclosure under consent). */
export type AuditPurpose =
  | 'treatment'
  | 'payment'
  | 'operations'
  | 'disclosure'
  | 'security'
  | 'member-access';
export type AuditOutcome = 'success' | 'denied' | 'failure';

/** One audit record before the database chains it. */
export interface AuditInput {
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  /** Verb: read, search, create, update, login, logout, export, disclose… */
  action: string;
  memberId: string | null;
  /** What was touched: Member, Case, Worklist, Consent, Letter, Session… */
  resourceType: string;
  resourceId: string | null;
  purpose: AuditPurpose;
  outcome: AuditOutcome;
  requestId: string | null;
  /** A short reason (why denied, what failed); never member data beyond the member id. */
  detail?: string | null;
}
