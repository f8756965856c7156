import type { RuleStep } from '../risk/index.ts';

/** SQL: a date's month as one number (year × 12 + month), the same in DuckDB and PostgreSQL. */
const monthIndex = (date: string) =>
  `(cast(extract(year from ${date}) as integer) * 12 + cast(extract(month from ${date}) as integer))`;

/**
 * RISK-RULES §10 in the warehouse, over the rules' own `rk_fill`, `rk_medical_hit` and
 * `rk_member_market` (built by `risk.runClaimHitsBetween`) and the months of `ms_month`;
 * a market outside `ms_focus_market` counts as 'other'.
 */
export const measureSteps: readonly RuleStep[] = [
  {
    // A member's months in scope: each enrollment span in a line of business in scope, clipped to
    // the months measured, as a range of month numbers (year × 12 + month); overlapping ranges
    // are merged so that a month counts once and each month of a member lies in one range.
    name: 'ms_member_span',
    sql: `
      with spans as (
        select e.member_id,
               ${monthIndex('greatest(e.start_date, g.first_day)')} as m_start,
               ${monthIndex('least(coalesce(e.end_date, g.data_end), g.data_end)')} as m_end
        from enrollment e
        join rk_line_of_business l on l.line_of_business = e.line_of_business
        cross join ms_range g
        where e.start_date <= g.data_end and (e.end_date is null or e.end_date >= g.first_day)
          and (g.plan_type is null or e.plan_type = g.plan_type)
      ), ordered as (
        select member_id, m_start, m_end,
               max(m_end) over (partition by member_id order by m_start, m_end
                                rows between unbounded preceding and 1 preceding) as reach
        from spans
      ), numbered as (
        select member_id, m_start, m_end,
               sum(case when reach is null or m_start > reach then 1 else 0 end)
                 over (partition by member_id order by m_start, m_end rows unbounded preceding) as island
        from ordered
      )
      select n.member_id, coalesce(fm.market, 'other') as market, min(n.m_start) as m_start, max(n.m_end) as m_end
      from numbered n
      join rk_member_market mk on mk.member_id = n.member_id
      left join ms_focus_market fm on fm.market = mk.market
      group by n.member_id, fm.market, n.island`,
  },
  {
    // Member-months by market and month: a member counts one in each month a range covers.
    // Counted from the ranges' ends (+1 where one starts, −1 after it ends) so that no row per
    // member and month is made.
    name: 'ms_member_month_count',
    sql: `
      with deltas as (
        select market, m_start as month_index, 1 as delta from ms_member_span
        union all
        select market, m_end + 1, -1 from ms_member_span
      ), summed as (
        select market, month_index, sum(delta) as delta from deltas group by market, month_index
      )
      select s.market, mo.month, sum(s.delta) as n
      from ms_month mo join summed s on s.month_index <= mo.month_index
      group by s.market, mo.month`,
  },
  {
    // Overdose events: a member's overdose claims within 7 days of the previous one are one
    // event, dated at its first claim; counted where the member is in scope that month.
    name: 'ms_overdose_event',
    sql: `
      with claims as (
        select distinct member_id, claim_date from rk_medical_hit where hit = 'opioid_overdose'
      ), ordered as (
        select member_id, claim_date,
               lag(claim_date) over (partition by member_id order by claim_date) as previous
        from claims
      )
      select o.member_id, o.claim_date as event_date, mo.month, mm.market
      from ordered o
      join ms_month mo on o.claim_date between mo.start_date and mo.end_date
      join ms_member_span mm on mm.member_id = o.member_id and mo.month_index between mm.m_start and mm.m_end
      where o.previous is null or o.claim_date - o.previous > 7`,
  },
  {
    // Opioid analgesic fills by month of fill, for members in scope that month.
    name: 'ms_opioid_fill',
    sql: `
      select f.member_id, mo.month, mm.market, f.daily_mme
      from rk_fill f
      join ms_month mo on f.fill_date between mo.start_date and mo.end_date
      join ms_member_span mm on mm.member_id = f.member_id and mo.month_index between mm.m_start and mm.m_end
      where f.fill_kind = 'opioid'`,
  },
  {
    // Opioid users of a month with the §5 prescribing factors as of its last day (rk_day_factor).
    name: 'ms_opioid_user',
    sql: `
      select u.member_id, u.month, u.market, coalesce(f.high_mme, false) as high_mme,
             coalesce(f.opioid_benzo, false) as opioid_benzo
      from (select distinct member_id, month, market from ms_opioid_fill) u
      join ms_month mo on mo.month = u.month
      left join rk_day_factor f on f.member_id = u.member_id and f.as_of = mo.end_date`,
  },
  {
    // Treatment started after an outreach referral: a MOUD fill, an OTP service or a visit
    // with an OUD or other SUD diagnosis within 30 days after the referral day.
    name: 'ms_treatment_started',
    sql: `
      select distinct r.case_id
      from ms_referral r
      where exists (select 1 from rk_fill f where f.member_id = r.member_id and f.fill_kind = 'moud'
                      and f.fill_date between r.referred_on and r.referred_on + 30)
         or exists (select 1 from rk_medical_hit h where h.member_id = r.member_id
                      and h.hit in ('otp', 'oud', 'other_sud')
                      and h.service_date between r.referred_on and r.referred_on + 30)`,
  },
];
