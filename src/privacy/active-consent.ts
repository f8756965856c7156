import { type ExpressionBuilder, sql } from 'kysely';
import { todayIso } from '../platform/calendar/iso-days.ts';
import type { OpsDb } from '../platform/db/ops-db.ts';
import type { PrivacyTables } from './consent-tables.ts';

export type ConsentPurpose = PrivacyTables['consent']['purpose'];

/** A disclosure to check: to whom, what for, and whether Part 2 (SUD) records would be in it. */
export interface DisclosureRequest {
  recipient: string;
  purpose: ConsentPurpose;
  /** The day of the disclosure, 'YYYY-MM-DD' (default today). */
  on?: string;
}

/**
 * Kysely condition for use inside another ops-store query: an unrevoked consent of
 * `memberColumn`'s member to this recipient and purpose is in force on the day
 * (and covers Part 2 records when `part2` is true).
 */
export function activeConsentExists(
  eb: ExpressionBuilder<PrivacyTables, never>,
  memberColumn: string,
  request: DisclosureRequest & { part2: boolean },
) {
  const on = request.on ?? todayIso();
  let q = eb
    .selectFrom('consent as c')
    .select(sql`1`.as('one'))
    .where(sql.ref('c.member_id'), '=', sql.ref(memberColumn))
    .where('c.recipient', '=', request.recipient)
    .where('c.purpose', '=', request.purpose)
    .where('c.revoked_at', 'is', null)
    .where('c.start_date', '<=', on)
    .where((w) => w.or([w('c.end_date', 'is', null), w('c.end_date', '>=', on)]));
  if (request.part2) q = q.where('c.covers_part2', '=', true);
  return eb.exists(q);
}

/**
 * For each member asked about, what the recipient may receive now: nothing (no
 * consent), general records only, or general and Part 2 records.
 */
export async function findDisclosureConsents(
  db: OpsDb,
  memberIds: readonly string[],
  request: DisclosureRequest,
): Promise<Map<string, 'general' | 'part2'>> {
  const out = new Map<string, 'general' | 'part2'>();
  if (memberIds.length === 0) return out;
  const on = request.on ?? todayIso();
  const rows = await db
    .withTables<PrivacyTables>()
    .selectFrom('consent')
    .select([
      'member_id',
      (eb) => eb.fn.max(sql<number>`case when covers_part2 then 1 else 0 end`).as('part2'),
    ])
    .where('member_id', 'in', [...memberIds])
    .where('recipient', '=', request.recipient)
    .where('purpose', '=', request.purpose)
    .where('revoked_at', 'is', null)
    .where('start_date', '<=', on)
    .where((w) => w.or([w('end_date', 'is', null), w('end_date', '>=', on)]))
    .groupBy('member_id')
    .execute();
  for (const r of rows) out.set(r.member_id, Number(r.part2) === 1 ? 'part2' : 'general');
  return out;
}
