import { addDays } from '../../platform/calendar/iso-days.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { detoxProcedureCodes, detoxRevenueCodes } from '../../reference/index.ts';
import type { Authorization } from '../preauth/authorization.ts';

export interface DetoxLine {
  claimId: string;
  memberId: string;
  serviceDate: string;
  procedureCode: string | null;
  revenueCode: string | null;
  billingNpi: string | null;
  units: number | null;
}

/** Detox lines of current, not reversed medical claims with a service date in [from, to]. */
export async function readDetoxLines(warehouse: Warehouse, from: string, to: string): Promise<DetoxLine[]> {
  const px = detoxProcedureCodes.map((_, i) => `$${i + 3}`).join(', ');
  const rev = detoxRevenueCodes.map((_, i) => `$${i + 3 + detoxProcedureCodes.length}`).join(', ');
  return warehouse.all<DetoxLine & Record<string, unknown>>(
    `with current_claims as (
       select claim_id, version, member_id, billing_npi, claim_date
       from medical_claim where is_current and not is_reversed
     ),
     detox_lines as (
       select c.claim_id as "claimId", c.member_id as "memberId",
              coalesce(l.service_date, c.claim_date) as "serviceDate",
              l.procedure_code as "procedureCode", l.revenue_code as "revenueCode",
              c.billing_npi as "billingNpi", l.units
       from current_claims c
       join medical_claim_line l on l.claim_id = c.claim_id and l.version = c.version
       where l.procedure_code in (${px}) or l.revenue_code in (${rev})
     )
     select * from detox_lines
     where "serviceDate" between cast($1 as date) and cast($2 as date)
     order by "serviceDate", "claimId"`,
    [from, to, ...detoxProcedureCodes, ...detoxRevenueCodes],
  );
}

/**
 * The last day a service line's decision covers: its end date, or, when partly
 * approved, the first `approvedUnits` days (detox codes are per diem: a unit is a day).
 * Before the start when nothing was approved.
 */
function lastApprovedDay(
  a: Authorization,
  service: { startDate: string; endDate: string },
  approvedUnits: number,
): string {
  if (approvedUnits <= 0) return '';
  if (a.status !== 'partially_approved') return service.endDate;
  const last = addDays(service.startDate, approvedUnits - 1);
  // ISO dates order as strings.
  return [last, service.endDate].sort()[0] ?? last;
}

/** A detox line and why no authorization covers it. */
export interface UnauthorizedDetox extends DetoxLine {
  reason: string;
}

/**
 * The detox lines no approved (or partly approved) preauthorization covers: same
 * member, service date inside an approved service line's dates (a partly approved
 * line: its first approved days), and, for HCPCS lines, the same code.
 * Revenue-code-only lines match on member and dates.
 */
export function flagUnauthorizedDetox(
  lines: readonly DetoxLine[],
  authorizations: readonly Authorization[],
): UnauthorizedDetox[] {
  return lines.flatMap((line) => {
    const mine = authorizations.filter((a) => a.request.memberId === line.memberId);
    const approved = mine.filter((a) => a.status === 'approved' || a.status === 'partially_approved');
    const sameService = (s: { code: string; startDate: string; endDate: string }) =>
      s.startDate <= line.serviceDate &&
      line.serviceDate <= s.endDate &&
      (line.procedureCode === null || s.code === line.procedureCode);
    const covered = approved.some((a) =>
      a.request.services.some(
        (s, i) =>
          sameService(s) && line.serviceDate <= lastApprovedDay(a, s, a.decision?.approvedUnits[i] ?? 0),
      ),
    );
    if (covered) return [];
    const cut = approved.find(
      (a) => a.status === 'partially_approved' && a.request.services.some(sameService),
    );
    const pending = mine.find((a) => ['submitted', 'in_review', 'pended'].includes(a.status));
    const denied = mine.find((a) => a.status === 'denied');
    const reason = pending
      ? `Request ${pending.id} is still ${pending.status.replace('_', ' ')}.`
      : denied
        ? `Request ${denied.id} was denied.`
        : cut
          ? `Beyond the days request ${cut.id} approved (${cut.decision?.approvedUnits.join(', ')} of ${cut.request.services.map((s) => s.units).join(', ')} requested).`
          : approved.length > 0
            ? 'Outside the approved dates or services.'
            : 'No preauthorization request on file.';
    return [{ ...line, reason }];
  });
}
