import type { StoredAuthorization } from './authorization-store.ts';
import { readClock } from './decision-deadline.ts';
import { evaluateCriteria, suggestDecision } from './evaluate-criteria.ts';
import { findLevelOfCare } from './levels-of-care.ts';
import type { AuthorizationView } from './view-schemas.ts';

/**
 * What one audience sees of a request: the reviewer and the facility see the
 * clinical detail and criteria; the member and case manager see status, clock,
 * decision and the notices meant for the member.
 */
export function viewAuthorization(
  a: StoredAuthorization,
  audience: 'reviewer' | 'facility' | 'member',
  now: string,
): AuthorizationView {
  const clinical = audience !== 'member';
  const criteria = a.decision?.criteria ?? (clinical ? evaluateCriteria(a.request, a.receivedAt) : []);
  return {
    id: a.id,
    memberId: a.request.memberId,
    planId: a.request.planId,
    facility: a.request.facility,
    levelOfCare: a.request.levelOfCare,
    levelOfCareName: findLevelOfCare(a.request.levelOfCare)?.name ?? a.request.levelOfCare,
    status: a.status,
    priority: a.priority,
    receivedAt: a.receivedAt,
    clock: readClock(a, now),
    services: a.request.services,
    clinical: clinical
      ? {
          diagnosisCodes: a.request.diagnosisCodes,
          assessment: a.request.assessment,
          clinicalSummary: a.request.clinicalSummary,
          treatmentPlan: a.request.treatmentPlan,
          additionalInformation: a.additionalInformation,
        }
      : null,
    informationRequested: a.informationRequested,
    criteria: clinical ? criteria : [],
    suggestion: audience === 'reviewer' && !a.decision ? suggestDecision(criteria) : null,
    decision: a.decision
      ? {
          outcome: a.decision.outcome,
          approvedUnits: a.decision.approvedUnits,
          reasonCode: a.decision.reasonCode,
          reason: a.decision.reason,
          decidedAt: a.decision.decidedAt,
          decidedBy: audience === 'member' ? 'Utilization review' : a.decision.decidedBy,
        }
      : null,
    history:
      audience === 'member'
        ? a.history.map((h) => ({ ...h, actor: h.actor.split(':')[0] ?? '', note: null }))
        : a.history,
    notifications:
      audience === 'member' ? a.notifications.filter((n) => n.recipient === 'member') : a.notifications,
    version: a.version,
  };
}
