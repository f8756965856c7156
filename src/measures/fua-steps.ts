import type { RuleStep } from '../risk/index.ts';

/**
 * RISK-RULES §10 follow-up after an emergency (HEDIS FUA-like), over the rules' `rk_medical_hit`,
 * `rk_dx_code_hit` and `rk_fill`. The 7- and 30-day windows count from the ED visit's day,
 * which is included: days 0–7 and 0–30, as HEDIS counts them (8 and 31 days in all).
 */
export const fuaSteps: readonly RuleStep[] = [
  {
    // Eligible ED visits: a SUD principal diagnosis (OUD or other SUD: F10–F19 less F17) or an
    // overdose code in any position; aged 13 or more; no inpatient admission that day or the
    // next; every day from the visit through 30 days after covered by enrollment in scope; and
    // the 30 days over before the data ends.
    name: 'ms_fua_candidate',
    sql: `
      with ed as (
        select distinct member_id, claim_id, claim_date from rk_medical_hit where hit = 'ed_visit'
      ), qualifying as (
        select distinct e.member_id, e.claim_date as ed_date
        from ed e
        where exists (select 1 from rk_medical_hit o where o.claim_id = e.claim_id and o.hit = 'opioid_overdose')
           or exists (select 1 from medical_claim c
                      join medical_claim_dx x on x.claim_id = c.claim_id and x.version = c.version
                      join rk_dx_code_hit h on h.code = x.code
                      where c.claim_id = e.claim_id and c.is_current and x.is_principal
                        and h.hit in ('oud', 'other_sud'))
      )
      select q.member_id, q.ed_date
      from qualifying q
      join member m on m.member_id = q.member_id
      cross join ms_range g
      where m.birth_date + interval '13 years' <= q.ed_date
        and q.ed_date + 30 <= g.data_end
        and not exists (select 1 from medical_claim c
                        where c.member_id = q.member_id and c.is_current and not c.is_reversed
                          and c.claim_type = 'institutional' and c.setting = 'inpatient'
                          and c.claim_date between q.ed_date and q.ed_date + 1)
        and not exists (select 1 from generate_series(0, 30) as d(n)
                        where not exists (select 1 from enrollment e
                                          join rk_line_of_business l on l.line_of_business = e.line_of_business
                                          where e.member_id = q.member_id
                                            and e.start_date <= q.ed_date + cast(d.n as integer)
                                            and (e.end_date is null or e.end_date >= q.ed_date + cast(d.n as integer))))`,
  },
  {
    // Of eligible visits within 31 days of one another only the first counts: from each
    // member's first visit, the next counted is the first more than 30 days after it.
    name: 'ms_fua_counted',
    sql: `
      with recursive next_visit as (
        select a.member_id, a.ed_date, min(b.ed_date) as next_date
        from ms_fua_candidate a
        left join ms_fua_candidate b on b.member_id = a.member_id and b.ed_date > a.ed_date + 30
        group by a.member_id, a.ed_date
      ), chain as (
        select member_id, min(ed_date) as ed_date from ms_fua_candidate group by member_id
        union all
        select n.member_id, n.next_date
        from chain c join next_visit n on n.member_id = c.member_id and n.ed_date = c.ed_date
        where n.next_date is not null
      )
      select member_id, ed_date from chain`,
  },
  {
    // A follow-up day: an outpatient, telehealth, IOP or partial-hospitalization visit (a
    // professional or outpatient claim that is not itself an ED visit) with a SUD diagnosis,
    // a MOUD fill, or an OTP service.
    name: 'ms_follow_up_day',
    sql: `
      select member_id, fill_date as day from rk_fill where fill_kind = 'moud'
      union
      select member_id, service_date from rk_medical_hit where hit = 'otp'
      union
      select h.member_id, h.service_date
      from rk_medical_hit h
      join medical_claim c on c.claim_id = h.claim_id and c.is_current
      where h.hit in ('oud', 'other_sud')
        and (c.claim_type = 'professional' or c.setting = 'outpatient')
        and not exists (select 1 from rk_medical_hit e where e.claim_id = h.claim_id and e.hit = 'ed_visit')`,
  },
  {
    // Each counted visit in the months measured, with the days to its first follow-up.
    name: 'ms_fua_visit',
    sql: `
      select v.member_id, v.ed_date, mo.month, mm.market, min(f.day - v.ed_date) as follow_up_days
      from ms_fua_counted v
      join ms_month mo on v.ed_date between mo.start_date and mo.end_date
      join ms_member_span mm on mm.member_id = v.member_id and mo.month_index between mm.m_start and mm.m_end
      left join ms_follow_up_day f on f.member_id = v.member_id and f.day between v.ed_date and v.ed_date + 30
      group by v.member_id, v.ed_date, mo.month, mm.market`,
  },
];
