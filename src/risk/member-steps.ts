import { factorColumns, opioidEpisodeSql, riskFactors } from './factors/index.ts';
import type { RuleStep } from './rule-step.ts';

/** The diagnosis factors' claim counts, from their code-set hits. */
const counted = riskFactors.flatMap((f) => (f.claimCount ? [f.claimCount] : []));
const claimCounts = counted
  .map((c) => `count(distinct case when h.hit = '${c.hit}' then h.claim_id end) as ${c.column}`)
  .join(',\n               ');
const claimCountColumns = counted
  .map((c) => `coalesce(h.${c.column}, 0) as ${c.column}`)
  .join(',\n               ');

/**
 * RISK-RULES §2, §5, §7: eligibility and market → per-member metrics with each
 * rule's outcome → risk factors after exclusions, with evidence → candidates
 * and their priority.
 */
export const memberSteps: readonly RuleStep[] = [
  {
    // §2: the member's market by county FIPS, else ZIP3, then state; elsewhere 'other'.
    name: 'rk_member_market',
    sql: `
      select m.member_id,
             case when nullif(trim(m.county_fips), '') is not null
                  then coalesce(mc.market, ms.market, 'other')
                  else coalesce(mz.market, ms.market, 'other') end as market
      from {member} m
      left join rk_market_code mc on mc.kind = 'county' and mc.code = trim(m.county_fips)
      left join rk_market_code mz on mz.kind = 'zip3' and mz.code = substr(trim(m.zip), 1, 3)
      left join rk_market_code ms on ms.kind = 'state' and ms.code = upper(trim(m.state))`,
  },
  {
    // §2: enrolled on D in a line of business in scope, in a market in scope.
    name: 'rk_eligibility',
    sql: `
      with enrolled as (
        select e.member_id, max(case when l.line_of_business is not null then 1 else 0 end) as lob_in_scope,
               min(e.line_of_business) as line_of_business
        from {enrollment} e cross join rk_param p
        left join rk_line_of_business l on l.line_of_business = e.line_of_business
        where e.start_date <= p.as_of and (e.end_date is null or e.end_date >= p.as_of)
        group by e.member_id
      )
      select l.member_id, l.market, e.member_id is not null as enrolled, e.line_of_business,
             coalesce(e.lob_in_scope, 0) = 1 and s.market is not null as eligible
      from rk_member_market l
      left join enrolled e on e.member_id = l.member_id
      left join rk_market_in_scope s on s.market = l.market`,
  },
  {
    // §5: each member's measures, the opioid episode, exclusions, and every factor's rule, value and outcome.
    name: 'rk_member',
    sql: `
      with active as (
        select member_id from rk_fill union select member_id from rk_medical_hit
        union select member_filter from rk_param where member_filter is not null
      ), hits as (
        select h.member_id,
               ${claimCounts},
               max(case when h.hit = 'cancer' then 1 else 0 end) as cancer,
               max(case when h.hit = 'sickle_cell' then 1 else 0 end) as sickle_cell,
               max(case when h.hit = 'hospice' then 1 else 0 end) as hospice,
               max(case when h.hit = 'otp' and h.service_date >= p.moud_start and h.service_date <= p.as_of then 1 else 0 end) as otp_recent
        from rk_medical_hit h cross join rk_param p group by h.member_id
      ), fills as (
        select f.member_id,
               max(case when f.fill_kind = 'moud' and f.end_date >= p.moud_start then 1 else 0 end) as moud_recent,
               max(case when f.fill_kind = 'naloxone' and f.fill_date >= p.w365_start then 1 else 0 end)
                 as naloxone,
               max(case when f.fill_kind = 'opioid' and f.fill_date >= p.l90_start then 1 else 0 end)
                 as opioid_fill_l90
        from rk_fill f cross join rk_param p group by f.member_id
      ), emergencies as (
        select member_id, count(*) as emergencies, max(claim_date) as latest_emergency
        from rk_emergency group by member_id
      ), measured as (
        select a.member_id, coalesce(el.market, 'other') as market, coalesce(el.eligible, false) as eligible,
               coalesce(el.enrolled, false) as enrolled, el.line_of_business,
               coalesce(w.opioid_days, 0) as opioid_days, coalesce(w.avg_mme, 0) as avg_mme,
               coalesce(w.opioid_fill_dates, 0) as opioid_fill_dates,
               coalesce(w.opioid_days_supply, 0) as opioid_days_supply,
               coalesce(w.benzo_fill_dates, 0) as benzo_fill_dates, coalesce(w.benzo_days, 0) as benzo_days,
               coalesce(w.overlap_days, 0) as overlap_days, coalesce(w.prescribers, 0) as prescribers,
               coalesce(w.pharmacies, 0) as pharmacies,
               coalesce(s.opioid_days, 0) as l90_opioid_days, coalesce(s.avg_mme, 0) as l90_avg_mme,
               coalesce(y.opioid_days, 0) as w365_opioid_days, coalesce(y.avg_mme, 0) as w365_avg_mme,
               ${claimCountColumns},
               coalesce(h.cancer, 0) = 1 as cancer, coalesce(h.sickle_cell, 0) = 1 as sickle_cell,
               coalesce(h.hospice, 0) = 1 as hospice,
               coalesce(h.otp_recent, 0) = 1 or coalesce(f.moud_recent, 0) = 1 as on_moud,
               coalesce(f.naloxone, 0) = 1 as naloxone_fill,
               coalesce(f.opioid_fill_l90, 0) = 1 as opioid_fill_l90,
               coalesce(e.emergencies, 0) as emergencies, e.latest_emergency
        from active a
        left join rk_eligibility el on el.member_id = a.member_id
        left join rk_window_metric w on w.member_id = a.member_id and w.window_name = 'W180'
        left join rk_window_metric s on s.member_id = a.member_id and s.window_name = 'L90'
        left join rk_window_metric y on y.member_id = a.member_id and y.window_name = 'W365'
        left join hits h on h.member_id = a.member_id
        left join fills f on f.member_id = a.member_id
        left join emergencies e on e.member_id = a.member_id
      ), ruled as (
        select m.*, ${opioidEpisodeSql} as opioid_episode, m.cancer or m.sickle_cell or m.hospice as excluded
        from measured m cross join rk_param p
      ), judged as (
        select m.*, ${riskFactors.map((f) => `(${f.ruleSql}) as ${factorColumns(f).rule}, cast(${f.valueSql} as double precision) as ${factorColumns(f).value}`).join(',\n               ')}
        from ruled m cross join rk_param p
      )
      -- §5 Exclusions: the one place an exclusion removes the prescribing factors.
      select m.*, ${riskFactors.map((f) => `m.${factorColumns(f).rule}${f.prescribing ? ' and not m.excluded' : ''} as ${factorColumns(f).met}`).join(',\n             ')}
      from judged m`,
  },
  {
    // §5: the factors each member has (the `_met` columns, exclusions applied), with the headline number.
    name: 'rk_member_factor',
    sql: riskFactors
      .map(
        (f) =>
          `select member_id, cast('${f.code}' as varchar) as code, ${factorColumns(f).value} as value
           from rk_member where ${factorColumns(f).met}`,
      )
      .join('\n      union all '),
  },
  {
    // The claims that prove each factor a member has.
    name: 'rk_evidence',
    sql: `
      with proof as (
        ${riskFactors.map((f) => `select member_id, cast('${f.code}' as varchar) as code, claim_id from (${f.evidenceSql}) e`).join('\n        union ')}
      )
      select f.member_id, f.code, e.claim_id
      from rk_member_factor f join proof e on e.member_id = f.member_id and e.code = f.code`,
  },
  {
    // §7: eligible, an emergency in L90 and a risk factor. Priority = largest emergency weight +
    // factor weights + recency round(w × (L − 1 − days since latest) ÷ (L − 1)).
    name: 'rk_candidate',
    sql: `
      with emergency as (
        select e.member_id, max(w.weight) as weight, max(e.claim_date) as latest
        from rk_emergency e join rk_weight w on w.code = e.kind group by e.member_id
      ), factor as (
        select f.member_id, sum(w.weight) as weight
        from rk_member_factor f join rk_weight w on w.code = f.code group by f.member_id
      )
      select m.member_id, m.market, e.latest as latest_emergency,
             cast(e.weight + f.weight + round(cast(p.recency_weight * (p.lookback_days - 1 - (p.as_of - e.latest))
               as decimal(18, 6)) / (p.lookback_days - 1)) as integer) as priority
      from rk_member m cross join rk_param p
      join emergency e on e.member_id = m.member_id
      join factor f on f.member_id = m.member_id
      where m.eligible`,
  },
];
