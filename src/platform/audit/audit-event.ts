import type { OpsDb } from '../db/ops-db.ts';
import type { AuditInput } from './audit-types.ts';
import { auditWriterFor, insertAuditEvents } from './audit-writer.ts';

export type { AuditInput, AuditOutcome, AuditPurpose } from './audit-types.ts';

/**
 * Appends one event to the hash-chained audit log (the database assigns seq and hashes) and
 * resolves once it is committed. Outside a transaction, concurrent events share one INSERT
 * (group commit, `AuditWriter`); inside one, the event is written in that transaction.
 */
export async function writeAuditEvent(db: OpsDb, e: AuditInput): Promise<void> {
  if (db.isTransaction) await insertAuditEvents(db, [e]);
  else await auditWriterFor(db).write(e);
}
