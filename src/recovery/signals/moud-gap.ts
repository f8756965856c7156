import type { ClaimsSignal } from './recovery-signal.ts';

/** The gap RISK-RULES §11 allows: none of the last 8 days (as-of and the 7 before it) covered. */
export const moudGapDays = 8;

/**
 * §11 MOUD_GAP: the member had MOUD after E, and no MOUD fill covers, and no OTP service
 * falls on, any of the last 8 days. One alert per gap: its key is the last covered day.
 */
export const moudGap: ClaimsSignal = {
  code: 'MOUD_GAP',
  section: 'RISK-RULES §11',
  label: 'Gap in medication for OUD',
  severity: 'high',
  source: 'claims',
  rule: `MOUD after the member engaged, and no MOUD fill covering, nor OTP service on, any of the last ${moudGapDays} days.`,
  sql: `
    with moud as (
      select f.member_id, f.end_date as last_day from rk_fill f where f.fill_kind = 'moud'
      union all
      select h.member_id, h.service_date from rk_medical_hit h where h.hit = 'otp'
    ), covered as (
      select m.member_id, max(m.last_day) as last_day
      from moud m join rs_watched w on w.member_id = m.member_id
      where m.last_day > w.engaged_on
      group by m.member_id
    )
    select c.member_id, 'last-covered:' || cast(c.last_day as varchar) as evidence_key,
           c.last_day as evidence_date, cast(c.last_day as varchar) as evidence_id,
           'no MOUD since ' || cast(c.last_day as varchar) as detail
    from covered c cross join rk_param p
    where c.last_day < p.as_of - ${moudGapDays - 1}`,
};
