import type { RuleStep } from '../risk/index.ts';

/** RISK-RULES §10 MOUD continuity (HEDIS POD-like): coverage → runs → new episodes that reach 180 days. */
export const moudSteps: readonly RuleStep[] = [
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
      select r.member_id, r.run_start, r.run_end, mo.month, mm.market,
             r.run_end - r.run_start + 1 >= 180 as reached_180
      from runs r
      cross join ms_range g
      join ms_month mo on r.run_start between mo.start_date and mo.end_date
      join ms_member_span mm on mm.member_id = r.member_id and mo.month_index between mm.m_start and mm.m_end
      where (r.previous_end is null or r.run_start > r.previous_end + 31)
        and r.run_start >= g.claims_from + 31 and r.run_start <= g.data_end - 179`,
  },
];
