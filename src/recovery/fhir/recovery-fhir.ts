import type { FollowUpView } from '../aftercare/aftercare-store.ts';
import type { CarePlanView } from '../plans/care-plan-queries.ts';
import type { CarePlanContent } from '../recovery-schemas.ts';
import { type Substance, substances } from '../reports/substances.ts';

/** Checkpoint's own code systems for what FHIR and LOINC do not code. */
const base = 'https://checkpoint.example.org/fhir';
export const recoverySystems = {
  substance: `${base}/CodeSystem/screen-substance`,
  service: `${base}/CodeSystem/recovery-service`,
  session: `${base}/CodeSystem/treatment-session`,
  checkIn: `${base}/Questionnaire/check-in`,
  followUp: `${base}/CodeSystem/follow-up`,
} as const;

type Resource = Record<string, unknown> & { resourceType: string; id: string };
const patient = (memberId: string) => ({ reference: `Patient/${memberId}` });
const interpretation = (positive: boolean) => [
  {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
        code: positive ? 'POS' : 'NEG',
        display: positive ? 'Positive' : 'Negative',
      },
    ],
  },
];

const goalStatus: Record<string, string> = {
  proposed: 'proposed',
  active: 'active',
  achieved: 'completed',
  'not-achieved': 'completed',
  cancelled: 'cancelled',
};
const goalAchievement: Record<string, string | undefined> = {
  achieved: 'achieved',
  'not-achieved': 'not-achieved',
};

/** A plan's goals as FHIR Goals (id = the goal's own id). */
export function toFhirGoals(plan: CarePlanView): Resource[] {
  return (plan.content as CarePlanContent).goals.map((g) => ({
    resourceType: 'Goal',
    id: g.id!,
    lifecycleStatus: goalStatus[g.status]!,
    ...(goalAchievement[g.status]
      ? {
          achievementStatus: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
                code: goalAchievement[g.status]!,
              },
            ],
          },
        }
      : {}),
    description: { text: g.description },
    subject: patient(plan.memberId),
    target: [{ measure: { text: g.measure }, detailString: g.target, dueDate: g.dueDate }],
  }));
}

const serviceRequestStatus: Record<string, string> = {
  requested: 'active',
  accepted: 'active',
  'in-progress': 'active',
  completed: 'completed',
  declined: 'revoked',
  cancelled: 'revoked',
};

/**
 * A plan's service as a FHIR ServiceRequest. FHIR's request status cannot say "accepted"
 * or "declined": as the SDOH Clinical Care referral pattern does, the performer's side
 * rides in the Task; here the business status is also carried as a coded extension-free
 * `statusReason`-like note so readers of the request alone still see it.
 */
export function toFhirServiceRequest(plan: CarePlanView, s: CarePlanView['services'][number]): Resource {
  return {
    resourceType: 'ServiceRequest',
    id: s.requestId,
    status: serviceRequestStatus[s.status]!,
    intent: 'order',
    category: [{ coding: [{ system: recoverySystems.service, code: s.category }] }],
    code: {
      coding: [{ system: recoverySystems.service, code: s.service }],
      text: s.service.replaceAll('_', ' '),
    },
    subject: patient(plan.memberId),
    basedOn: [{ reference: `CarePlan/${plan.planId}` }],
    performer: [
      s.performerNpi
        ? {
            identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: s.performerNpi },
            display: s.performerName,
          }
        : { display: s.performerName },
    ],
    ...(s.sessionsPerWeek === null
      ? {}
      : { occurrenceTiming: { repeat: { frequency: s.sessionsPerWeek, period: 1, periodUnit: 'wk' } } }),
    note: [{ text: `referral status: ${s.status}` }],
    authoredOn: s.updatedAt,
  };
}

const planStatus: Record<string, string> = {
  draft: 'draft',
  active: 'active',
  completed: 'completed',
  revoked: 'revoked',
};

/** A treatment or aftercare plan as a FHIR CarePlan: its goals and one activity per service. */
export function toFhirCarePlan(plan: CarePlanView): Resource {
  const content = plan.content as CarePlanContent;
  return {
    resourceType: 'CarePlan',
    id: plan.planId,
    meta: { versionId: String(plan.version), lastUpdated: plan.updatedAt },
    status: planStatus[plan.status]!,
    intent: 'plan',
    category: [
      { coding: [{ system: recoverySystems.service, code: plan.category }], text: `${plan.category} plan` },
    ],
    title: content.title,
    subject: patient(plan.memberId),
    goal: content.goals.map((g) => ({ reference: `Goal/${g.id}` })),
    activity: plan.services.map((s) => ({ reference: { reference: `ServiceRequest/${s.requestId}` } })),
    ...(content.crisisPlan ? { note: [{ text: `Crisis plan: ${content.crisisPlan}` }] } : {}),
  };
}

export interface SessionRow {
  session_id: string;
  member_id: string;
  facility_npi: string;
  service: string;
  scheduled_on: string;
  attended: boolean;
}

/** A reported session as a FHIR Encounter: attended is finished, missed is cancelled with the reason "did not attend". */
export function toFhirEncounter(s: SessionRow): Resource {
  return {
    resourceType: 'Encounter',
    id: s.session_id,
    status: s.attended ? 'finished' : 'cancelled',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    type: [{ coding: [{ system: recoverySystems.session, code: s.service }] }],
    subject: patient(s.member_id),
    serviceProvider: { identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: s.facility_npi } },
    period: { start: s.scheduled_on },
    ...(s.attended ? {} : { reasonCode: [{ text: 'Did not attend' }] }),
  };
}

export interface ScreenRow {
  screen_id: string;
  member_id: string;
  facility_npi: string;
  collected_on: string;
  substance: string;
  positive: boolean;
}

/** One substance of a drug screen as a FHIR Observation (category laboratory). */
export function toFhirScreen(s: ScreenRow): Resource {
  const substance = substances[s.substance as Substance];
  return {
    resourceType: 'Observation',
    id: s.screen_id,
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
        ],
      },
    ],
    code: {
      coding: [
        { system: recoverySystems.substance, code: s.substance, display: substance?.label ?? s.substance },
      ],
    },
    subject: patient(s.member_id),
    effectiveDateTime: s.collected_on,
    performer: [{ identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: s.facility_npi } }],
    valueCodeableConcept: interpretation(s.positive)[0],
    interpretation: interpretation(s.positive),
  };
}

export interface CheckInView {
  checkInId: string;
  submittedAt: string;
  mood: number;
  craving: number;
  usedLast7Days: boolean;
  sleep: string;
  needs: string[];
  safetyConcern: boolean;
}

/** A member's check-in as a FHIR QuestionnaireResponse to Checkpoint's check-in Questionnaire. */
export function toFhirCheckIn(memberId: string, c: CheckInView): Resource {
  const item = (linkId: string, answer: Record<string, unknown>[]) => ({ linkId, answer });
  return {
    resourceType: 'QuestionnaireResponse',
    id: c.checkInId,
    questionnaire: recoverySystems.checkIn,
    status: 'completed',
    subject: patient(memberId),
    authored: c.submittedAt,
    item: [
      item('mood', [{ valueInteger: c.mood }]),
      item('craving', [{ valueInteger: c.craving }]),
      item('used-last-7-days', [{ valueBoolean: c.usedLast7Days }]),
      item('sleep', [{ valueString: c.sleep }]),
      ...(c.needs.length
        ? [
            item(
              'needs',
              c.needs.map((n) => ({ valueString: n })),
            ),
          ]
        : []),
      item('safety', [{ valueBoolean: c.safetyConcern }]),
    ],
  };
}

const followUpStatus: Record<NonNullable<FollowUpView['outcome']>, string> = {
  reached: 'completed',
  handoff_confirmed: 'completed',
  not_reached: 'failed',
  handoff_missed: 'failed',
};

/** A follow-up contact after discharge as a FHIR Task, part of the outreach case's Task and based on the aftercare plan. */
export function toFhirFollowUp(f: FollowUpView): Resource {
  return {
    resourceType: 'Task',
    id: f.followUpId,
    status: f.outcome ? followUpStatus[f.outcome] : 'requested',
    intent: 'plan',
    code: { coding: [{ system: recoverySystems.followUp, code: f.kind }], text: f.label },
    for: patient(f.memberId),
    basedOn: [{ reference: `CarePlan/${f.planId}` }],
    partOf: [{ reference: `Task/${f.caseId}` }],
    restriction: { period: { end: f.dueOn } },
    ...(f.doneAt ? { lastModified: f.doneAt } : {}),
    ...(f.outcome ? { businessStatus: { text: f.outcome.replaceAll('_', ' ') } } : {}),
  };
}
