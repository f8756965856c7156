import type { ClaimsSignal } from './recovery-signal.ts';

/** §11 OVERDOSE_AFTER_ENGAGEMENT: an opioid-overdose code on a claim dated after E; one alert per member and day. */
export const overdoseAfterEngagement: ClaimsSignal = {
  code: 'OVERDOSE_AFTER_ENGAGEMENT',
  section: 'RISK-RULES §11',
  label: 'Overdose after engagement',
  severity: 'urgent',
  source: 'claims',
  rule: 'An opioid-overdose code on a claim dated after the member engaged.',
  sql: `
    select h.member_id, 'overdose:' || cast(h.claim_date as varchar) as evidence_key, h.claim_date as evidence_date,
           min(h.claim_id) as evidence_id, 'opioid overdose' as detail
    from rk_medical_hit h join rs_watched w on w.member_id = h.member_id
    where h.hit = 'opioid_overdose' and h.claim_date > w.engaged_on
    group by h.member_id, h.claim_date`,
};
