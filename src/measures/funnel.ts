import { sql } from 'kysely';
import { businessDaysBetween } from '../platform/calendar/business-days.ts';
import { toIsoDay } from '../platform/calendar/iso-days.ts';
import type { OpsDb } from '../platform/db/ops-db.ts';
import { type CellMap, cellOf } from './measure-cells.ts';
import { monthOf } from './months.ts';
import type { FunnelReferral } from './warehouse-measures.ts';

interface FunnelCase {
  caseId: string;
  memberId: string;
  market: string;
  month: string;
  daysToFirstAttempt: number | null;
  reached: boolean;
  engaged: boolean;
}

/**
 * The outreach funnel by month of first identification (the case's opening): identified,
 * attempted (a phone call), reached, engaged (accepted a referral); the referrals go to the
 * warehouse to find whether treatment started. Read in the server: only counts leave it.
 */
export async function readFunnel(
  db: OpsDb,
  range: { first: string; last: string; focusMarkets: readonly string[] },
): Promise<{ cases: FunnelCase[]; referrals: FunnelReferral[] }> {
  const rows = await sql<{
    case_id: string;
    member_id: string;
    market: string | null;
    opened_on: string;
    first_call_on: string | null;
    reached: boolean;
    referred_on: string | null;
  }>`
    select c.case_id, c.member_id, c.market, (c.opened_at at time zone 'UTC')::date as opened_on,
      (select min(a.attempted_at at time zone 'UTC')::date from outreach_attempt a
        where a.case_id = c.case_id and a.channel = 'phone') as first_call_on,
      exists (select 1 from outreach_attempt a where a.case_id = c.case_id and a.outcome = 'reached') as reached,
      (select min(r.updated_at at time zone 'UTC')::date from referral r
        where r.case_id = c.case_id and r.status in ('accepted', 'scheduled', 'attended')) as referred_on
    from outreach_case c
    where (c.opened_at at time zone 'UTC')::date between ${range.first}::date and ${range.last}::date`.execute(
    db,
  );
  const cases: FunnelCase[] = [];
  const referrals: FunnelReferral[] = [];
  for (const r of rows.rows) {
    const opened = toIsoDay(r.opened_on);
    const market = r.market && range.focusMarkets.includes(r.market) ? r.market : 'other';
    cases.push({
      caseId: r.case_id,
      memberId: r.member_id,
      market,
      month: monthOf(opened),
      daysToFirstAttempt: r.first_call_on ? businessDaysBetween(opened, toIsoDay(r.first_call_on)) : null,
      reached: r.reached,
      engaged: r.referred_on !== null,
    });
    if (r.referred_on)
      referrals.push({ caseId: r.case_id, memberId: r.member_id, referredOn: toIsoDay(r.referred_on) });
  }
  return { cases, referrals };
}

/** Adds the funnel's counts to the cells, once the warehouse has said which cases started treatment. */
export function addFunnel(
  cells: CellMap,
  cases: readonly FunnelCase[],
  warehouse: { started: ReadonlySet<string>; inScope: ReadonlySet<string> | null },
): void {
  const { started, inScope } = warehouse;
  for (const c of cases) {
    if (inScope && !inScope.has(c.caseId)) continue;
    const cell = cellOf(cells, c.market, c.month);
    cell.identified += 1;
    if (c.daysToFirstAttempt !== null) {
      cell.attempted += 1;
      cell.daysToFirstAttempt.push(c.daysToFirstAttempt);
    }
    if (c.reached) cell.reached += 1;
    if (c.engaged) cell.engaged += 1;
    if (started.has(c.caseId)) cell.treatmentStarted += 1;
  }
}
