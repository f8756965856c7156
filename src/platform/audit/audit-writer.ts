import type { OpsDb } from '../db/ops-db.ts';
import type { AuditInput } from './audit-types.ts';

/** Events one INSERT carries at most (a bound on statement size, not on latency). */
export const maxAuditBatch = 256;

interface Pending {
  event: AuditInput;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Inserts events in order with one multi-row INSERT; the chain trigger links them row by row. */
export async function insertAuditEvents(db: OpsDb, events: readonly AuditInput[]): Promise<void> {
  await db
    .insertInto('audit_event')
    .values(
      events.map((e) => ({
        actor_id: e.actorId,
        actor_username: e.actorUsername,
        actor_role: e.actorRole,
        action: e.action,
        member_id: e.memberId,
        resource_type: e.resourceType,
        resource_id: e.resourceId,
        purpose: e.purpose,
        outcome: e.outcome,
        request_id: e.requestId,
        detail: e.detail ?? null,
      })),
    )
    .execute();
}

/**
 * Group commit for the audit log: concurrent requests' events go out as one multi-row INSERT
 * while the previous one is in flight, instead of queueing one by one on the chain's lock.
 * Each caller's promise settles only when the INSERT holding its event has committed, so a
 * request still answers only after its audit record is durable (fail closed).
 */
export class AuditWriter {
  private readonly queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly db: OpsDb) {}

  /** Appends one event; resolves once it is committed, rejects if it could not be written. */
  write(event: AuditInput): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      // One turn of the loop so requests finishing together share the first INSERT too.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) await this.writeBatch(this.queue.splice(0, maxAuditBatch));
    } finally {
      this.flushing = false;
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      await insertAuditEvents(
        this.db,
        batch.map((p) => p.event),
      );
      for (const p of batch) p.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // The statement rolled back whole: write each event alone, so one bad event fails only its own request.
      for (const p of batch) {
        try {
          await insertAuditEvents(this.db, [p.event]);
          p.resolve();
        } catch (single) {
          p.reject(single);
        }
      }
    }
  }
}

const writers = new WeakMap<OpsDb, AuditWriter>();

/** The one group-commit writer of a store handle (created on first use). */
export function auditWriterFor(db: OpsDb): AuditWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new AuditWriter(db);
    writers.set(db, writer);
  }
  return writer;
}
