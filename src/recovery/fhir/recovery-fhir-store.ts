import { caseResolver, readCaseTasks } from '../../outreach/index.ts';
import type { SessionUser } from '../../platform/auth/sessions.ts';
import { todayIso, toIsoDay } from '../../platform/calendar/iso-days.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import type { ResourceResolver } from '../../platform/http/request-access.ts';
import {
  consentResolver,
  listConsents,
  listRelatedPersons,
  relatedPersonResolver,
  toFhirConsent,
  toFhirRelatedPerson,
} from '../../privacy/index.ts';
import { listFollowUps } from '../aftercare/aftercare-store.ts';
import { toFhirAssessment, toFhirScore } from '../assessment/assessment-fhir.ts';
import { listAssessments, listScores } from '../assessment/assessment-store.ts';
import { listCarePlans } from '../plans/care-plan-queries.ts';
import { followUpResolver } from '../recovery-resolvers.ts';
import { recoveryDb } from '../recovery-tables.ts';
import { listCheckIns } from '../reports/check-in-store.ts';
import {
  toFhirCarePlan,
  toFhirCheckIn,
  toFhirEncounter,
  toFhirFollowUp,
  toFhirGoals,
  toFhirScreen,
  toFhirServiceRequest,
} from './recovery-fhir.ts';

export const recoveryFhirTypes = [
  'CarePlan',
  'Goal',
  'ServiceRequest',
  'Encounter',
  'Observation',
  'QuestionnaireResponse',
  'Task',
  'Consent',
  'RelatedPerson',
] as const;
export type RecoveryFhirType = (typeof recoveryFhirTypes)[number];

type Resource = Record<string, unknown> & { resourceType: string; id: string };

/** Every resource of one type that Checkpoint records about a member, as FHIR R4. */
export async function readRecoveryResources(
  db: OpsDb,
  type: RecoveryFhirType,
  memberId: string,
  user: SessionUser,
): Promise<Resource[]> {
  const rdb = recoveryDb(db);
  switch (type) {
    case 'CarePlan':
      return (await listCarePlans(db, memberId)).map(toFhirCarePlan);
    case 'Goal':
      return (await listCarePlans(db, memberId)).flatMap(toFhirGoals);
    case 'ServiceRequest':
      return (await listCarePlans(db, memberId)).flatMap((p) =>
        p.services.map((s) => toFhirServiceRequest(p, s)),
      );
    case 'Encounter': {
      const rows = await rdb
        .selectFrom('treatment_session')
        .selectAll()
        .where('member_id', '=', memberId)
        .orderBy('scheduled_on')
        .execute();
      return rows.map((r) => toFhirEncounter({ ...r, scheduled_on: toIsoDay(r.scheduled_on) }));
    }
    case 'Observation': {
      const rows = await rdb
        .selectFrom('drug_screen')
        .selectAll()
        .where('member_id', '=', memberId)
        .orderBy('collected_on')
        .execute();
      const scores = (await listScores(db, memberId)).map((s) => toFhirScore(memberId, s));
      return [...scores, ...rows.map((r) => toFhirScreen({ ...r, collected_on: toIsoDay(r.collected_on) }))];
    }
    case 'Task': {
      const today = todayIso();
      const followUps = await Promise.all(
        (['open', 'done'] as const).map((status) => listFollowUps(db, user, { status, memberId, today })),
      );
      return [...(await readCaseTasks(db, memberId)), ...followUps.flat().map(toFhirFollowUp)];
    }
    case 'Consent':
      return (await listConsents(db, memberId)).map(toFhirConsent);
    case 'RelatedPerson':
      return (await listRelatedPersons(db, memberId)).map(toFhirRelatedPerson);
    case 'QuestionnaireResponse':
      return [
        ...(await listAssessments(db, memberId)).map(toFhirAssessment),
        ...(await listCheckIns(db, memberId)).map((c) => toFhirCheckIn(memberId, c)),
      ];
  }
}

/** Where a resource of each type is stored, to find its member before the access check. */
const ownerQuery: Record<
  Exclude<RecoveryFhirType, 'Task' | 'Consent' | 'RelatedPerson'>,
  (db: OpsDb, id: string) => Promise<{ member_id: string } | undefined>
> = {
  CarePlan: (db, id) =>
    recoveryDb(db).selectFrom('care_plan').select('member_id').where('plan_id', '=', id).executeTakeFirst(),
  Goal: async (db, id) => {
    const rows = await recoveryDb(db)
      .selectFrom('care_plan')
      .select('member_id')
      .where((eb) => eb(eb.ref('content'), '@>', JSON.stringify({ goals: [{ id }] }) as never))
      .limit(1)
      .execute();
    return rows[0];
  },
  ServiceRequest: (db, id) =>
    recoveryDb(db)
      .selectFrom('service_request')
      .select('member_id')
      .where('request_id', '=', id)
      .executeTakeFirst(),
  Encounter: (db, id) =>
    recoveryDb(db)
      .selectFrom('treatment_session')
      .select('member_id')
      .where('session_id', '=', id)
      .executeTakeFirst(),
  Observation: (db, id) =>
    recoveryDb(db)
      .selectFrom('drug_screen')
      .select('member_id')
      .where('screen_id', '=', id)
      .executeTakeFirst(),
  QuestionnaireResponse: (db, id) =>
    recoveryDb(db)
      .selectFrom('check_in')
      .select('member_id')
      .where('check_in_id', '=', id)
      .executeTakeFirst(),
};

/** The resolver of one FHIR type: a record another member owns answers 404, as if it did not exist. */
export function recoveryFhirResolver(type: RecoveryFhirType): ResourceResolver {
  return {
    resourceType: type,
    notFound: `There is no such ${type}.`,
    hideWhenDenied: true,
    async resolve(stores, id) {
      // A Task is a follow-up contact or the outreach case itself.
      if (type === 'Task')
        return (await followUpResolver.resolve(stores, id)) ?? caseResolver.resolve(stores, id);
      if (type === 'Consent') return consentResolver.resolve(stores, id);
      if (type === 'RelatedPerson') return relatedPersonResolver.resolve(stores, id);
      const row = await ownerQuery[type](stores.db, id).catch(() => undefined);
      return row && { memberId: row.member_id };
    },
  };
}
