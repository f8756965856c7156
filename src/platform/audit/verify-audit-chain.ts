import { sql } from 'kysely';
import type { OpsDb } from '../db/ops-db.ts';

export interface AuditChainReport {
  events: number;
  /** The latest digest: record it elsewhere to detect removal of the newest rows too. */
  headHash: string | null;
  /** The first rows whose digest, link or sequence does not hold (empty when intact). */
  broken: Array<{ seq: number; problem: 'digest' | 'link' | 'gap' }>;
}

/** Recomputes every digest and link of the audit chain in the database and reports what does not hold. */
export async function verifyAuditChain(db: OpsDb, limit = 20): Promise<AuditChainReport> {
  const summary = await sql<{ events: number; head: string | null }>`
    select count(*)::int as events,
           (select hash from audit_event order by seq desc limit 1) as head
    from audit_event`.execute(db);
  const broken = await sql<{ seq: number; problem: 'digest' | 'link' | 'gap' }>`
    with chained as (
      select seq::int as seq, prev_hash, hash, audit_event_digest(e) as expected,
             lag(hash) over (order by seq) as prior_hash,
             lag(seq) over (order by seq) as prior_seq
      from audit_event e
    )
    select seq,
           case when hash <> expected then 'digest'
                when prev_hash <> coalesce(prior_hash, 'genesis') then 'link'
                else 'gap' end as problem
    from chained
    where hash <> expected
       or prev_hash <> coalesce(prior_hash, 'genesis')
       or seq <> coalesce(prior_seq, 0) + 1
    order by seq
    limit ${limit}`.execute(db);
  const row = summary.rows[0];
  return { events: row?.events ?? 0, headHash: row?.head ?? null, broken: broken.rows };
}
