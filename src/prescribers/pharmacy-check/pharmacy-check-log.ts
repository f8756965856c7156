import { createHash } from 'node:crypto';
import { writeAuditEvent } from '../../platform/audit/audit-event.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { prescriberDb } from '../lock-in/lock-in-store.ts';
import { withWriteLock } from '../write-lock.ts';

export interface PharmacyCheckLogEntry {
  checkedAt: Date;
  client: string;
  memberId: string;
  ndc: string;
  pharmacyNpi: string;
  prescriberNpi: string;
  fillDate: string;
  daysSupply: number | null;
  decision: 'allow' | 'deny';
  reason: string;
  lockInId: string | null;
  requestId: string | null;
}

/**
 * Records every pharmacy check without making a pharmacy wait: entries queue in memory and are
 * written in batches to `pharmacy_check_log` (append-only), each batch sealed by one
 * hash-chained audit event that carries the batch's sha256, so a changed or removed row is
 * detectable. A per-check chained audit insert costs more than the check itself.
 */
export class PharmacyCheckLog {
  #queue: PharmacyCheckLogEntry[] = [];
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();
  failures = 0;

  constructor(
    private readonly ops: OpsDb,
    private readonly flushMs = 1_000,
    private readonly batchSize = 2_000,
  ) {}

  add(entry: PharmacyCheckLogEntry): void {
    this.#queue.push(entry);
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
    if (batch.length > 0)
      this.#flushing = this.#flushing
        .then(() => this.#write(batch))
        .catch(() => {
          this.failures += batch.length;
        });
    return this.#flushing;
  }

  async #write(batch: PharmacyCheckLogEntry[]): Promise<void> {
    const rows = batch.map((e) => ({
      checked_at: e.checkedAt,
      client: e.client,
      member_id: e.memberId,
      ndc: e.ndc,
      pharmacy_npi: e.pharmacyNpi,
      prescriber_npi: e.prescriberNpi,
      fill_date: e.fillDate,
      days_supply: e.daysSupply,
      decision: e.decision,
      reason: e.reason,
      lock_in_id: e.lockInId,
      request_id: e.requestId,
    }));
    const digest = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    const db = prescriberDb(this.ops);
    await withWriteLock(db, () =>
      db.transaction().execute(async (trx) => {
        const seqs = await trx.insertInto('pharmacy_check_log').values(rows).returning('seq').execute();
        const first = seqs[0]?.seq ?? 0;
        const last = seqs.at(-1)?.seq ?? 0;
        await writeAuditEvent(trx as unknown as OpsDb, {
          actorId: 'system:pharmacy-check',
          actorUsername: null,
          actorRole: null,
          action: 'pharmacy-check',
          memberId: null,
          resourceType: 'PharmacyCheckLog',
          resourceId: `${first}-${last}`,
          purpose: 'payment',
          outcome: 'success',
          requestId: null,
          detail: `${rows.length} checks, sha256 ${digest}`,
        });
      }),
    );
  }
}
