import { writeAuditEvent } from '../../platform/audit/audit-event.ts';
import type { SessionUser } from '../../platform/auth/sessions.ts';
import { addDays } from '../../platform/calendar/iso-days.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import type { AuthorizationRequestInput } from '../preauth/authorization.ts';
import { makeAuthorizationId, type StoredAuthorization } from '../preauth/authorization-store.ts';
import { actorOf, parseRequest, receivePreauthorization } from '../preauth/preauth-service.ts';
import { type DemoPreauthOutcome, type DetoxEpisode, hashClaimId } from './demo-detox-episodes.ts';

/** The seeder acts as the billing facility's staff and as one utilization reviewer, named as such in history and audit. */
export const facilityUser = (npi: string): SessionUser => ({
  userId: `demo-seed-facility-${npi}`,
  username: 'demo-seed-facility',
  role: 'facility_staff',
  memberId: null,
  organization: npi,
  displayName: 'Demo seed (facility staff)',
  csrfToken: '',
});
export const reviewer: SessionUser = {
  userId: 'demo-seed-reviewer',
  username: 'demo-seed-reviewer',
  role: 'um_reviewer',
  memberId: null,
  organization: null,
  displayName: 'Demo seed (UM reviewer)',
  csrfToken: '',
};
export const seedActors = (npi: string) => new Set([actorOf(facilityUser(npi)), actorOf(reviewer)]);

/** Submits a request as its facility's staff, through the service the routes use, audited as theirs. */
export async function submitAsFacility(
  db: OpsDb,
  request: AuthorizationRequestInput,
  receivedAt: string,
  requestId: string,
): Promise<StoredAuthorization> {
  const user = facilityUser(request.facility.npi);
  const a = await receivePreauthorization(db, user, parseRequest(request), {
    id: makeAuthorizationId(receivedAt),
    now: receivedAt,
    fhirClaimId: null,
  });
  await writeAuditEvent(db, {
    actorId: user.userId,
    actorUsername: user.username,
    actorRole: user.role,
    action: 'create',
    memberId: a.request.memberId,
    resourceType: 'Preauthorization',
    resourceId: a.id,
    purpose: 'payment',
    outcome: 'success',
    requestId,
    detail: null,
  });
  return a;
}

/** The request the billing facility sends the day before the first day: all billed days, criteria met unless denied. */
export function buildRequest(
  episode: DetoxEpisode,
  outcome: DemoPreauthOutcome,
  planId: string,
  facilityName: string,
  diagnosisCodes: readonly string[],
): AuthorizationRequestInput {
  const opioid = diagnosisCodes.filter((c) => /^F1[13]/.test(c));
  const score = 8 + (Number.parseInt(hashClaimId(episode.claimId).slice(0, 4), 16) % 12);
  return {
    memberId: episode.memberId,
    planId,
    facility: { npi: episode.billingNpi, name: facilityName },
    levelOfCare: 'ambulatory-withdrawal-management',
    priority: 'standard',
    diagnosisCodes: opioid.length > 0 ? opioid : ['F11.23'],
    services: [
      { code: episode.code, units: episode.days, startDate: episode.startDate, endDate: episode.endDate },
    ],
    assessment: {
      faceToFace: true,
      date: addDays(episode.startDate, -2),
      assessedBy: 'Intake nurse, addiction medicine',
      withdrawalScore: { scale: 'COWS', value: score },
      medicalComplicationsRequireInpatient: false,
      stableLivingEnvironment: outcome !== 'denied',
      committedToTreatment: true,
    },
    clinicalSummary:
      outcome === 'denied'
        ? 'Opioid dependence with moderate withdrawal; currently without stable housing, staying in a car.'
        : 'Opioid dependence with mild to moderate withdrawal; lives with family who support treatment.',
    treatmentPlan:
      'Daily nursing check and symptom-triggered medication, counseling, link to MOUD on discharge.',
  };
}
