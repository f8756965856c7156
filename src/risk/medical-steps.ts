import { emergencyDefinitions } from './emergencies/index.ts';
import type { RuleStep } from './rule-step.ts';

/**
 * RISK-RULES §1, §3, §5–6 on medical claims: code-set hits of current claims in
 * W365 (any diagnosis position, any line) → emergencies in L90. Codes come from `rk_code_set` / `rk_service_code`, loaded from
 * `src/reference/value-sets.ts`.
 */
export const medicalSteps: readonly RuleStep[] = [
  {
    // Match each distinct diagnosis code once against the sets (prefix or exact, less exceptions),
    // so the big diagnosis table is then joined on plain equality.
    name: 'rk_dx_code_hit',
    sql: `
      with codes as (
        select distinct code from {medical_claim_dx}
      ), matched as (
        select c.code, s.hit, s.is_exception from codes c
        join rk_code_set s on (s.match_kind = 'exact' and c.code = s.code)
                           or (s.match_kind = 'prefix' and substr(c.code, 1, length(s.code)) = s.code)
      )
      select distinct code, hit from matched m
      where not m.is_exception
        and not exists (select 1 from matched e where e.code = m.code and e.hit = m.hit and e.is_exception)`,
  },
  {
    // §1, §3: every code-set hit of every current, unreversed claim dated in W365 — diagnoses in any
    // position, codes on any line, emergency admissions. Hits are found first (few), then their claims.
    name: 'rk_medical_hit',
    sql: `
      with code_hits as (
        select x.claim_id, x.version, cast(null as date) as service_date, h.hit, cast(null as varchar) as claim_type
        from {medical_claim_dx} x join rk_dx_code_hit h on h.code = x.code
        union all
        select l.claim_id, l.version, l.service_date, s.hit, s.claim_type
        from {medical_claim_line} l join rk_service_code s on s.field = 'procedure' and s.code = l.procedure_code
        union all
        select l.claim_id, l.version, l.service_date, s.hit, s.claim_type
        from {medical_claim_line} l join rk_service_code s on s.field = 'revenue' and s.code = l.revenue_code
        union all
        select l.claim_id, l.version, l.service_date, s.hit, s.claim_type
        from {medical_claim_line} l join rk_service_code s on s.field = 'pos' and s.code = l.place_of_service
      ), claims as (
        select c.claim_id, c.version, c.member_id, c.claim_type, c.setting, c.admission_type, c.claim_date
        from {medical_claim} c cross join rk_param p
        where c.is_current and not c.is_reversed and c.claim_date <= p.as_of and c.claim_date >= p.w365_start
      )
      select distinct c.member_id, c.claim_id, c.claim_date, coalesce(h.service_date, c.claim_date) as service_date,
             h.hit
      from code_hits h join claims c on c.claim_id = h.claim_id and c.version = h.version
      where h.claim_type is null or h.claim_type = c.claim_type
      union
      select c.member_id, c.claim_id, c.claim_date, c.claim_date, 'emergency_admission'
      from claims c cross join rk_param p
      where c.claim_type = 'institutional' and c.setting = 'inpatient'
        and c.admission_type = p.emergency_admission_type`,
  },
  {
    // §6: emergencies in L90, one row per kind and claim; an ED visit for an overdose is both.
    name: 'rk_emergency',
    sql: `
      select distinct h.member_id, h.claim_id, h.claim_date,
             case h.hit ${emergencyDefinitions.map((e) => `when '${e.hit}' then '${e.code}'`).join(' ')} end as kind
      from rk_medical_hit h cross join rk_param p
      where h.claim_date >= p.l90_start
        and h.hit in (${emergencyDefinitions.map((e) => `'${e.hit}'`).join(', ')})`,
  },
];
