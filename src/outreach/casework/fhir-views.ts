import { referralKindLabels } from '../script/script-types.ts';
import type { CaseWork } from './case-work.ts';

// FHIR R4 views of casework: the case as a Task (businessStatus = stage), attempts as
// Communication, referrals as ServiceRequest. Code systems local to Checkpoint are
// named under https://checkpoint.example/fhir/.
const local = 'https://checkpoint.example/fhir/CodeSystem';

type Resource = Record<string, unknown> & { resourceType: string; id: string };

/** The case as a FHIR Task: status from open/closed, businessStatus the lifecycle stage. */
export function toFhirTask(work: CaseWork): Resource {
  return {
    resourceType: 'Task',
    id: work.caseId,
    status: work.status === 'closed' ? 'completed' : work.stage === 'new' ? 'requested' : 'in-progress',
    businessStatus: {
      coding: [{ system: `${local}/case-stage`, code: work.stage }],
      text: work.stage.replace('_', ' '),
    },
    intent: 'order',
    code: {
      coding: [{ system: `${local}/task-code`, code: 'outreach' }],
      text: 'Outreach after a medical emergency',
    },
    for: { reference: `Patient/${work.memberId}` },
    authoredOn: work.openedAt,
    lastModified: work.history.at(-1)?.at ?? work.openedAt,
    ...(work.assignedTo
      ? { owner: { reference: `Practitioner/${work.assignedTo}`, display: work.assigneeName ?? undefined } }
      : {}),
    restriction: { period: { end: work.firstAttemptDueAt } },
  };
}

const communicationStatus = { reached: 'completed', declined: 'completed', deceased: 'not-done' } as const;

/** Each attempt as a FHIR Communication (reached = completed, otherwise not-done with the reason). */
export function toFhirCommunications(work: CaseWork): Resource[] {
  return work.attempts.map((a) => ({
    resourceType: 'Communication',
    id: a.attemptId,
    basedOn: [{ reference: `Task/${work.caseId}` }],
    status:
      a.outcome in communicationStatus
        ? communicationStatus[a.outcome as keyof typeof communicationStatus]
        : 'not-done',
    ...(a.outcome === 'reached' || a.outcome === 'declined'
      ? {}
      : { statusReason: { coding: [{ system: `${local}/attempt-outcome`, code: a.outcome }] } }),
    medium: [{ coding: [{ system: `${local}/attempt-channel`, code: a.channel }] }],
    subject: { reference: `Patient/${work.memberId}` },
    sent: a.attemptedAt,
    sender: { display: a.recordedBy },
    topic: { coding: [{ system: `${local}/attempt-outcome`, code: a.outcome }] },
  }));
}

const requestStatus = {
  proposed: 'draft',
  accepted: 'active',
  scheduled: 'active',
  attended: 'completed',
  declined: 'revoked',
} as const;

/** Each referral as a FHIR ServiceRequest, with its Checkpoint status kept as a business status extension. */
export function toFhirServiceRequests(work: CaseWork): Resource[] {
  return work.referrals.map((r) => ({
    resourceType: 'ServiceRequest',
    id: r.referralId,
    basedOn: [{ reference: `Task/${work.caseId}` }],
    status: requestStatus[r.status],
    intent: r.status === 'proposed' ? 'proposal' : 'order',
    code: { coding: [{ system: `${local}/referral-kind`, code: r.kind }], text: referralKindLabels[r.kind] },
    subject: { reference: `Patient/${work.memberId}` },
    authoredOn: r.createdAt,
    ...(r.scheduledFor ? { occurrenceDateTime: r.scheduledFor } : {}),
    ...(r.providerName ? { performer: [{ display: r.providerName }] } : {}),
    extension: [{ url: `${local}/referral-status`, valueCode: r.status }],
  }));
}

/** The case, its attempts and referrals as one FHIR searchset Bundle. */
export function toFhirBundle(work: CaseWork): Record<string, unknown> {
  const resources = [toFhirTask(work), ...toFhirCommunications(work), ...toFhirServiceRequests(work)];
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({ fullUrl: `${resource.resourceType}/${resource.id}`, resource })),
  };
}
