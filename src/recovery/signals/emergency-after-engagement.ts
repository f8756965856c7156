import { emergencyDefinitions } from '../../risk/index.ts';
import type { ClaimsSignal } from './recovery-signal.ts';

const otherKinds = emergencyDefinitions.filter((e) => e.code !== 'OPIOID_OVERDOSE');

/**
 * §11 EMERGENCY_AFTER_ENGAGEMENT: any other §6 emergency after E. A claim that carries an
 * overdose code raises OVERDOSE_AFTER_ENGAGEMENT instead. One alert per member and day:
 * the facility's and the professional's claims of one visit are one event.
 */
export const emergencyAfterEngagement: ClaimsSignal = {
  code: 'EMERGENCY_AFTER_ENGAGEMENT',
  section: 'RISK-RULES §11',
  label: 'Emergency after engagement',
  severity: 'high',
  source: 'claims',
  rule: `Any other RISK-RULES §6 emergency (${otherKinds.map((e) => e.label.toLowerCase()).join(', ')}) on a claim dated after the member engaged.`,
  sql: `
    select h.member_id, 'emergency:' || cast(h.claim_date as varchar) as evidence_key, h.claim_date as evidence_date,
           min(h.claim_id) as evidence_id,
           min(case h.hit ${otherKinds.map((e) => `when '${e.hit}' then '${e.label.toLowerCase()}'`).join(' ')} end) as detail
    from rk_medical_hit h join rs_watched w on w.member_id = h.member_id
    where h.hit in (${otherKinds.map((e) => `'${e.hit}'`).join(', ')}) and h.claim_date > w.engaged_on
      and not exists (select 1 from rk_medical_hit o
                      where o.claim_id = h.claim_id and o.hit = 'opioid_overdose')
    group by h.member_id, h.claim_date`,
};
