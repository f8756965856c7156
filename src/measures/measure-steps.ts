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
    // MOUD coverage: a MOUD fill covers its days supply; an OTP service covers the week its
    // bundle pays for (the day and the 6 after it).
    name: 'ms_moud_cover',
    sql: `
      select member_id, fill_date as cover_start, end_date as cover_end from rk_fill where fill_kind = 'moud'
      union all
      select member_id, service_date, service_date + 6 from rk_medical_hit where hit = 'otp'`,
  },
  {
    // Runs of MOUD: the next coverage starts within 8 days of the end of the coverage so far.
    name: 'ms_moud_run',
    sql: `
      with ordered as (
        select member_id, cover_start, cover_end,
               max(cover_end) over (partition by member_id order by cover_start, cover_end
                                    rows between unbounded preceding and 1 preceding) as covered_until
        from ms_moud_cover
      ), marked as (
        select member_id, cover_start, cover_end,
               case when covered_until is null or cover_start > covered_until + 8 then 1 else 0 end as starts_run
        from ordered
      ), numbered as (
        select member_id, cover_start, cover_end,
               sum(starts_run) over (partition by member_id order by cover_start, cover_end) as run_no
        from marked
      )
      select member_id, run_no, min(cover_start) as run_start, max(cover_end) as run_end
      from numbered group by member_id, run_no`,
  },
  {
    // A new MOUD episode: a run with no MOUD in the 31 days before it (a run after a gap of
    // 9–31 days ends the episode but starts none). Only runs whose 31 days before lie in the
    // data, and that began at least 180 days before its end, can be judged.
    name: 'ms_moud_episode',
    sql: `
      with runs as (
        select member_id, run_start, run_end,
               lag(run_end) over (partition by member_id order by run_start) as previous_end
        from ms_moud_run
      )
      select r.member_id, r.run_start, r.run_end, mm.month, mm.market,
             r.run_end - r.run_start + 1 >= 180 as reached_180
      from runs r
      cross join ms_range g
      join ms_month mo on r.run_start between mo.start_date and mo.end_date
      join ms_member_month mm on mm.member_id = r.member_id and mm.month = mo.month
      where (r.previous_end is null or r.run_start > r.previous_end + 31)
        and r.run_start >= g.claims_from + 31 and r.run_start <= g.data_end - 179`,
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
