import type { ClaimsSignal } from './recovery-signal.ts';

/**
 * §11 OPIOID_FILL_AFTER_ENGAGEMENT: an opioid analgesic fill after E from a prescriber who
 * is not on the member's care team (a fill without a prescriber is not from the team).
 */
export const opioidFillAfterEngagement: ClaimsSignal = {
  code: 'OPIOID_FILL_AFTER_ENGAGEMENT',
  section: 'RISK-RULES §11',
  label: 'Opioid fill from outside the care team',
  severity: 'high',
  source: 'claims',
  rule: 'An opioid analgesic fill dated after the member engaged, from a prescriber not on the care team.',
  sql: `
    select f.member_id, f.claim_id as evidence_key, f.fill_date as evidence_date, f.claim_id as evidence_id,
           coalesce(f.drug_name, f.ingredient) || ' from prescriber ' || coalesce(f.prescriber_npi, 'unknown') as detail
    from rk_fill f join rs_watched w on w.member_id = f.member_id
    where f.fill_kind = 'opioid' and f.fill_date > w.engaged_on
      and not exists (select 1 from rs_care_team t
                      where t.member_id = f.member_id and t.npi = f.prescriber_npi)`,
};
