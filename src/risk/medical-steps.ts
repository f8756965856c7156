import type { RuleStep } from './rule-step.ts';

/**
 * RISK-RULES §1, §3, §5–6 on medical claims: current claims in W365 → the
 * code-set hits of each claim (any diagnosis position, any line) → emergencies
 * in L90. Codes come from `rk_code_set` / `rk_service_code`, loaded from
 * `src/reference/value-sets.ts`.
 */
export const medicalSteps: readonly RuleStep[] = [
  {
    name: 'rk_current_medical',
    sql: `
      select c.claim_id, c.version, c.member_id, c.claim_type, c.setting, c.admission_type, c.claim_date
      from medical_claim c cross join rk_param p
      where c.is_current and not c.is_reversed and c.claim_date <= p.as_of and c.claim_date >= p.w365_start
        and (p.member_filter is null or c.member_id = p.member_filter)`,
  },
  {
    // Match each distinct diagnosis code once against the sets (prefix or exact, less exceptions),
    // so the big diagnosis table is then joined on plain equality.
    name: 'rk_dx_code_hit',
    sql: `
      with codes as (
        select distinct x.code from medical_claim_dx x
        join rk_current_medical m on m.claim_id = x.claim_id and m.version = x.version
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
    // Every code-set hit of every current claim: diagnoses, line codes, emergency admissions.
    name: 'rk_medical_hit',
    sql: `
      select m.member_id, m.claim_id, m.claim_date, m.claim_date as service_date, h.hit
      from rk_current_medical m
      join medical_claim_dx x on x.claim_id = m.claim_id and x.version = m.version
      join rk_dx_code_hit h on h.code = x.code
      union
      select m.member_id, m.claim_id, m.claim_date, coalesce(l.service_date, m.claim_date), s.hit
      from rk_current_medical m
      join medical_claim_line l on l.claim_id = m.claim_id and l.version = m.version
      join rk_service_code s on s.field = 'procedure' and s.code = l.procedure_code
      where s.claim_type is null or s.claim_type = m.claim_type
      union
      select m.member_id, m.claim_id, m.claim_date, coalesce(l.service_date, m.claim_date), s.hit
      from rk_current_medical m
      join medical_claim_line l on l.claim_id = m.claim_id and l.version = m.version
      join rk_service_code s on s.field = 'revenue' and s.code = l.revenue_code
      where s.claim_type is null or s.claim_type = m.claim_type
      union
      select m.member_id, m.claim_id, m.claim_date, coalesce(l.service_date, m.claim_date), s.hit
      from rk_current_medical m
      join medical_claim_line l on l.claim_id = m.claim_id and l.version = m.version
      join rk_service_code s on s.field = 'pos' and s.code = l.place_of_service
      where s.claim_type is null or s.claim_type = m.claim_type
      union
      select m.member_id, m.claim_id, m.claim_date, m.claim_date, 'emergency_admission'
      from rk_current_medical m cross join rk_param p
      where m.claim_type = 'institutional' and m.setting = 'inpatient'
        and m.admission_type = p.emergency_admission_type`,
  },
  {
    // §6: emergencies in L90, one row per kind and claim; an ED visit for an overdose is both.
    name: 'rk_emergency',
    sql: `
      select distinct h.member_id, h.claim_id, h.claim_date,
             case h.hit when 'opioid_overdose' then 'OPIOID_OVERDOSE' when 'ed_visit' then 'ED_VISIT'
                        when 'emergency_admission' then 'EMERGENCY_ADMISSION'
                        else 'EMERGENCY_TRANSPORT' end as kind
      from rk_medical_hit h cross join rk_param p
      where h.claim_date >= p.l90_start
        and h.hit in ('opioid_overdose', 'ed_visit', 'emergency_admission', 'emergency_transport')`,
  },
];
