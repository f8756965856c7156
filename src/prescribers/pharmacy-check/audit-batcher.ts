import type { AuditInput } from '../../platform/audit/audit-event.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';

/**
 * Audits pharmacy checks without making a pharmacy wait for the hash-chained audit insert:
 * events queue in memory and are written in batches, at most `flushMs` later. On close the
 * queue is written out.
 */
export class AuditBatcher {
  #queue: AuditInput[] = [];
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: OpsDb,
    private readonly flushMs = 250,
    private readonly batchSize = 500,
  ) {}

  add(event: AuditInput): void {
    this.#queue.push(event);
    if (this.#queue.length >= this.batchSize) void this.flush();
    else if (!this.#timer) {
      this.#timer = setTimeout(() => void this.flush(), this.flushMs);
      this.#timer.unref();
    }
  }

  /** Writes everything queued so far. */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return this.#flushing;
    this.#flushing = this.#flushing.then(() => this.#write(batch)).catch(() => undefined);
    return this.#flushing;
  }

  async #write(batch: AuditInput[]): Promise<void> {
    await this.db
      .insertInto('audit_event')
      .values(
        batch.map((e) => ({
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

  get pending(): number {
    return this.#queue.length;
  }
}
