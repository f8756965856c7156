import type { RuleStep } from '../risk/index.ts';

/**
 * RISK-RULES §10 in the warehouse, over the rules' own `rk_fill`, `rk_medical_hit` and
 * `rk_member_market` (built by `risk.runClaimHitsBetween`) and the months of `ms_month`.
 * `ms_market` maps each market to itself when it is a focus market, else to 'other'.
 */
export const measureSteps: readonly RuleStep[] = [
  {
    // A member-month: an enrollment span in a line of business in scope covers a day of the month.
    name: 'ms_member_month',
    sql: `
      select distinct e.member_id, mo.month, coalesce(fm.market, 'other') as market
      from enrollment e
      join rk_line_of_business l on l.line_of_business = e.line_of_business
      join ms_month mo on e.start_date <= mo.end_date and (e.end_date is null or e.end_date >= mo.start_date)
      join rk_member_market mk on mk.member_id = e.member_id
      left join ms_focus_market fm on fm.market = mk.market`,
  },
  {
    // Overdose events: a member's overdose claims within 7 days of the previous one are one
    // event, dated at its first claim; counted where the member has a member-month.
    name: 'ms_overdose_event',
    sql: `
      with claims as (
        select distinct member_id, claim_date from rk_medical_hit where hit = 'opioid_overdose'
      ), ordered as (
        select member_id, claim_date,
               lag(claim_date) over (partition by member_id order by claim_date) as previous
        from claims
      )
      select o.member_id, o.claim_date as event_date, mm.month, mm.market
      from ordered o
      join ms_month mo on o.claim_date between mo.start_date and mo.end_date
      join ms_member_month mm on mm.member_id = o.member_id and mm.month = mo.month
      where o.previous is null or o.claim_date - o.previous > 7`,
  },
  {
    // Opioid analgesic fills by month of fill, for members in scope that month.
    name: 'ms_opioid_fill',
    sql: `
      select f.member_id, mm.month, mm.market, f.daily_mme
      from rk_fill f
      join ms_month mo on f.fill_date between mo.start_date and mo.end_date
      join ms_member_month mm on mm.member_id = f.member_id and mm.month = mo.month
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
