import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import type { Plan } from '../plans/plan-schema.ts';
import type { Accumulators } from './estimate-cost.ts';

export interface PlanYearAccumulators {
  accumulators: Accumulators;
  planYear: { start: string; asOf: string };
  /** Claims counted: current, not reversed, in this plan year and this enrollment. */
  claimCount: number;
  assumptions: string[];
}

/** The first day of the plan year holding `asOf` ('YYYY-MM-DD'). */
export function findPlanYearStart(asOf: string, startMonth: number): string {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
}

const accumulatorSql = `
with enrollment_in_plan as (
  select max(start_date) as start_date
  from enrollment
  where member_id = $1 and plan_id = $2 and start_date <= cast($4 as date)
    and (end_date is null or end_date >= cast($4 as date))
),
counted_from as (
  select greatest(cast($3 as date), coalesce((select start_date from enrollment_in_plan), cast($3 as date))) as day
),
plan_year_claims as (
  select deductible_amount, copay_amount, coinsurance_amount
  from medical_claim
  where member_id = $1 and is_current and not is_reversed
    and claim_date between (select day from counted_from) and cast($4 as date)
  union all
  select deductible_amount, copay_amount, coinsurance_amount
  from pharmacy_claim
  where member_id = $1 and is_current and not is_reversed
    and fill_date between (select day from counted_from) and cast($4 as date)
)
select
  count(*) as claim_count,
  coalesce(sum(coalesce(deductible_amount, 0)), 0) as deductible_met,
  coalesce(sum(coalesce(deductible_amount, 0) + coalesce(copay_amount, 0) + coalesce(coinsurance_amount, 0)), 0)
    as out_of_pocket_met,
  (select count(*) from enrollment_in_plan where start_date is not null) as enrolled
from plan_year_claims`;

/**
 * The deductible and out-of-pocket a member has met this plan year, summed from
 * their current, not reversed medical and pharmacy claims since the plan year
 * (or their enrollment in this plan, if later) began, capped at the plan's limits.
 */
export async function sumPlanYearAccumulators(
  warehouse: Warehouse,
  memberId: string,
  plan: Plan,
  asOf: string,
): Promise<PlanYearAccumulators> {
  const start = findPlanYearStart(asOf, plan.planYearStartMonth);
  const [row] = await warehouse.all<{
    claim_count: number;
    deductible_met: number;
    out_of_pocket_met: number;
    enrolled: number;
  }>(accumulatorSql, [memberId, plan.planId, start, asOf]);
  const deductibleMet = Math.min(Number(row?.deductible_met ?? 0), plan.inNetwork.deductible);
  const outOfPocketMet = Math.min(Number(row?.out_of_pocket_met ?? 0), plan.inNetwork.outOfPocketMax);
  const assumptions = [
    `Deductible and out-of-pocket met are summed from the member’s claims from ${start} to ${asOf} (current versions, reversals left out).`,
    'Claims do not record network status: all cost sharing so far is counted toward the in-network deductible and maximum; out-of-network amounts start at zero.',
  ];
  if (!row?.enrolled)
    assumptions.push(
      `No enrollment in ${plan.planId} covering ${asOf} was found; the whole plan year was counted.`,
    );
  return {
    accumulators: { in: { deductibleMet, outOfPocketMet }, out: { deductibleMet: 0, outOfPocketMet: 0 } },
    planYear: { start, asOf },
    claimCount: Number(row?.claim_count ?? 0),
    assumptions,
  };
}
