import type { ResourceResolver } from '../platform/http/request-access.ts';
import { recoveryDb } from './recovery-tables.ts';

/** An alert, resolved to its member before any check. */
export const alertResolver: ResourceResolver = {
  resourceType: 'RecoveryAlert',
  notFound: 'There is no such alert.',
  async resolve({ db }, id) {
    const row = await recoveryDb(db)
      .selectFrom('recovery_alert')
      .select('member_id')
      .where('alert_id', '=', id)
      .executeTakeFirst();
    return row && { memberId: row.member_id };
  },
};

/** A follow-up contact after discharge (FHIR Task), resolved to its member. */
export const followUpResolver: ResourceResolver = {
  resourceType: 'FollowUp',
  notFound: 'There is no such follow-up.',
  async resolve({ db }, id) {
    const row = await recoveryDb(db)
      .selectFrom('follow_up')
      .select('member_id')
      .where('follow_up_id', '=', id)
      .executeTakeFirst();
    return row && { memberId: row.member_id };
  },
};

/** A care plan (FHIR CarePlan), resolved to its member. */
export const carePlanResolver: ResourceResolver<{ memberId: string; version: number }> = {
  resourceType: 'CarePlan',
  notFound: 'There is no such care plan.',
  async resolve({ db }, id) {
    const row = await recoveryDb(db)
      .selectFrom('care_plan')
      .select(['member_id', 'version'])
      .where('plan_id', '=', id)
      .executeTakeFirst();
    return row && { memberId: row.member_id, version: row.version };
  },
};

/** A service of a plan (FHIR ServiceRequest), resolved to its member and the facility that performs it. */
export const serviceRequestResolver: ResourceResolver = {
  resourceType: 'ServiceRequest',
  notFound: 'There is no such referral.',
  async resolve({ db }, id) {
    const row = await recoveryDb(db)
      .selectFrom('service_request')
      .select(['member_id', 'performer_npi'])
      .where('request_id', '=', id)
      .executeTakeFirst();
    return row && { memberId: row.member_id, facilityNpi: row.performer_npi };
  },
};

/** Whether the member has a live referral (not declined or cancelled) to the facility: it may report their sessions and screens. */
export async function isReferredToFacility(
  db: Parameters<typeof recoveryDb>[0],
  memberId: string,
  npi: string,
) {
  const row = await recoveryDb(db)
    .selectFrom('service_request')
    .select('request_id')
    .where('member_id', '=', memberId)
    .where('performer_npi', '=', npi)
    .where('status', 'not in', ['declined', 'cancelled'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
