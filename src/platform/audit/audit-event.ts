import type { OpsDb } from '../db/ops-db.ts';
import { auditWriterFor, insertAuditEvents } from './audit-writer.ts';

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

/**
 * Appends one event to the hash-chained audit log (the database assigns seq and hashes) and
 * resolves once it is committed. Outside a transaction, concurrent events share one INSERT
 * (group commit, `AuditWriter`); inside one, the event is written in that transaction.
 */
export async function writeAuditEvent(db: OpsDb, e: AuditInput): Promise<void> {
  if (db.isTransaction) await insertAuditEvents(db, [e]);
  else await auditWriterFor(db).write(e);
}
