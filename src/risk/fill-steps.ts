import type { RuleStep } from './rule-step.ts';

/**
 * RISK-RULES §1 and §4: reference drugs → current fills with their kind and
 * daily MME → coverage as intervals (islands of covered days) per window →
 * per-window fill metrics. Every step reads `rk_param`; none spells a threshold.
 */
export const fillSteps: readonly RuleStep[] = [
  {
    // §4: each reference drug's kind of fill (buprenorphine is MOUD in every form), unit scale and
    // factor in the run's set, from the reference's drug_mme_factor view (route row first, else '*').
    name: 'rk_drug',
    sql: `
      select d.ndc, d.ingredient, d.strength, d.unit, d.route_group, d.name as drug_name,
             case when mi.ingredient is not null then 'moud' else k.fill_kind end as fill_kind,
             coalesce(us.scale, 1) as unit_scale, v.factor
      from drug d cross join rk_param p
      left join rk_drug_kind k on k.drug_class = d.drug_class
      left join rk_moud_ingredient mi on mi.ingredient = d.ingredient
      left join rk_unit_scale us on us.unit = upper(trim(d.unit))
      left join drug_mme_factor v on v.ndc = d.ndc and v.factor_set = p.factor_set
      where k.fill_kind is not null or mi.ingredient is not null`,
  },
  {
    // §1: final state only, nothing after D, fills that reach W365. §4: daily MME =
    // strength × quantity × factor ÷ days supply (dividing last keeps 25 × 10 × 7.2 ÷ 30 exactly 60).
    name: 'rk_fill',
    sql: `
      select c.claim_id, c.member_id, c.fill_date, c.ndc, c.quantity, c.days_supply,
             c.fill_date + (c.days_supply - 1) as end_date,
             nullif(trim(c.prescriber_npi), '') as prescriber_npi,
             nullif(trim(c.pharmacy_npi), '') as pharmacy_npi,
             d.ingredient, d.strength, d.unit, d.route_group, d.drug_name, d.fill_kind, d.factor,
             case when d.fill_kind = 'opioid'
                  then d.strength * d.unit_scale * c.quantity * d.factor / c.days_supply end as daily_mme
      from {pharmacy_claim} c
      join rk_drug d on d.ndc = c.ndc
      cross join rk_param p
      where c.is_current and not c.is_reversed and c.days_supply > 0 and c.quantity >= 0
        and c.fill_date <= p.as_of and c.fill_date + (c.days_supply - 1) >= p.w365_start`,
  },
  {
    // §4: a fill covers [fill date, fill date + days supply − 1], clipped to each window.
    name: 'rk_fill_window',
    sql: `
      select f.member_id, f.claim_id, f.fill_kind, w.window_name, f.fill_date, f.days_supply,
             f.prescriber_npi, f.pharmacy_npi, f.daily_mme,
             case when f.fill_date > w.start_date then f.fill_date else w.start_date end as cover_start,
             case when f.end_date < w.end_date then f.end_date else w.end_date end as cover_end,
             f.fill_date >= w.start_date as filled_in_window
      from rk_fill f join rk_window w on f.end_date >= w.start_date and f.fill_date <= w.end_date
      where f.fill_kind in ('opioid', 'benzodiazepine')`,
  },
  {
    // Days covered by at least one fill of a kind, as disjoint intervals (gaps and islands) over the
    // widest window; each window then clips the islands, which stay disjoint.
    name: 'rk_island',
    sql: `
      with spans as (
        select f.member_id, f.fill_kind,
               case when f.fill_date > p.w365_start then f.fill_date else p.w365_start end as cover_start,
               case when f.end_date < p.as_of then f.end_date else p.as_of end as cover_end
        from rk_fill f cross join rk_param p
        where f.fill_kind in ('opioid', 'benzodiazepine')
      ), ordered as (
        select member_id, fill_kind, cover_start, cover_end,
               max(cover_end) over (partition by member_id, fill_kind order by cover_start, cover_end
                                    rows between unbounded preceding and 1 preceding) as reach
        from spans
      ), numbered as (
        select *, sum(case when reach is null or cover_start > reach + 1 then 1 else 0 end)
                    over (partition by member_id, fill_kind order by cover_start, cover_end
                          rows unbounded preceding) as island
        from ordered
      )
      select member_id, fill_kind, island, min(cover_start) as start_date, max(cover_end) as end_date
      from numbered group by member_id, fill_kind, island`,
  },
  {
    name: 'rk_coverage',
    sql: `
      select i.member_id, i.fill_kind, w.window_name,
             case when i.start_date > w.start_date then i.start_date else w.start_date end as start_date,
             case when i.end_date < w.end_date then i.end_date else w.end_date end as end_date
      from rk_island i join rk_window w on i.end_date >= w.start_date and i.start_date <= w.end_date`,
  },
  {
    // §5 OPIOID_BENZO_OVERLAP: days of a window covered by both kinds (islands are disjoint).
    name: 'rk_overlap',
    sql: `
      select o.member_id, o.window_name,
             sum((case when o.end_date < b.end_date then o.end_date else b.end_date end)
                 - (case when o.start_date > b.start_date then o.start_date else b.start_date end) + 1)
               as overlap_days
      from rk_coverage o
      join rk_coverage b on b.member_id = o.member_id and b.window_name = o.window_name
                        and b.fill_kind = 'benzodiazepine'
                        and b.start_date <= o.end_date and b.end_date >= o.start_date
      where o.fill_kind = 'opioid'
      group by o.member_id, o.window_name`,
  },
  {
    // §4 opioid days and average daily MME; §5 fill counts by fill date in the window.
    name: 'rk_window_metric',
    sql: `
      with coverage as (
        select member_id, window_name,
               sum(case when fill_kind = 'opioid' then end_date - start_date + 1 else 0 end) as opioid_days,
               sum(case when fill_kind = 'benzodiazepine' then end_date - start_date + 1 else 0 end)
                 as benzo_days
        from rk_coverage group by member_id, window_name
      ), fills as (
        select member_id, window_name,
               sum(case when fill_kind = 'opioid' then coalesce(daily_mme, 0) * (cover_end - cover_start + 1)
                   else 0 end) as mme_day_sum,
               count(distinct case when fill_kind = 'opioid' and filled_in_window then fill_date end)
                 as opioid_fill_dates,
               sum(case when fill_kind = 'opioid' and filled_in_window then days_supply else 0 end)
                 as opioid_days_supply,
               count(distinct case when fill_kind = 'benzodiazepine' and filled_in_window then fill_date end)
                 as benzo_fill_dates,
               count(distinct case when fill_kind = 'opioid' and filled_in_window then prescriber_npi end)
                 as prescribers,
               count(distinct case when fill_kind = 'opioid' and filled_in_window then pharmacy_npi end)
                 as pharmacies
        from rk_fill_window group by member_id, window_name
      )
      select f.member_id, f.window_name, coalesce(c.opioid_days, 0) as opioid_days,
             coalesce(c.benzo_days, 0) as benzo_days, f.mme_day_sum,
             case when coalesce(c.opioid_days, 0) > 0
                  then cast(round(cast(f.mme_day_sum / c.opioid_days as decimal(18, 6)), 2) as double precision)
                  else 0 end as avg_mme,
             f.opioid_fill_dates, f.opioid_days_supply, f.benzo_fill_dates, f.prescribers, f.pharmacies,
             coalesce(o.overlap_days, 0) as overlap_days
      from fills f
      left join coverage c on c.member_id = f.member_id and c.window_name = f.window_name
      left join rk_overlap o on o.member_id = f.member_id and o.window_name = f.window_name`,
  },
];
