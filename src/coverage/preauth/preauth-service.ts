import type { SessionUser } from '../../platform/auth/sessions.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError, issuesFromZod } from '../../platform/errors.ts';
import type { RequestAccess } from '../../platform/http/request-access.ts';
import { readPlan } from '../plans/plan-store.ts';
import { type AuthorizationRequest, authorizationRequestSchema } from './authorization.ts';
import {
  insertAuthorization,
  makeAuthorizationId,
  readAuthorization,
  readAuthorizations,
  type StoredAuthorization,
  saveAuthorization,
} from './authorization-store.ts';
import { type AuthorizationAction, applyAuthorizationAction, receiveAuthorization } from './transitions.ts';

/** How a person is named in a request's history: role and user name, never a member id. */
export const actorOf = (user: SessionUser) => `${user.role}:${user.username}`;

/** The facility NPI a facility user acts for (their organization), or 403. */
export function facilityNpiOf(user: SessionUser): string {
  if (user.role !== 'facility_staff' || !user.organization)
    throw new AppError('forbidden', 'Only staff of a treatment facility can do this.');
  return user.organization;
}

/** Validates what a facility sent (a form or a PAS Claim) as a preauthorization request. */
export function parseRequest(input: unknown): AuthorizationRequest {
  const parsed = authorizationRequestSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      'validation_failed',
      'The preauthorization request is not complete.',
      issuesFromZod(parsed.error.issues),
    );
  return parsed.data;
}

/**
 * Receives a request from facility staff: validates it, checks it is for their own
 * facility, then stores it through the access layer (audited as the facility's own
 * request to the plan).
 */
export async function submitPreauthorization(
  access: RequestAccess,
  input: unknown,
  now: string,
  fhirClaimId: string | null = null,
): Promise<StoredAuthorization> {
  const user = access.requireUser();
  const request = parseRequest(input);
  if (request.facility.npi !== facilityNpiOf(user))
    throw new AppError('forbidden', 'You can submit requests only for your own facility.', [
      { path: 'facility.npi', message: 'not your facility' },
    ]);
  const id = makeAuthorizationId(now);
  return access.member(
    request.memberId,
    { action: 'create', resourceType: 'Preauthorization', resourceId: id, facilityNpi: request.facility.npi },
    (_grant, { db }) => receivePreauthorization(db, user, request, { id, now, fhirClaimId }),
  );
}

/**
 * Stores a facility's request with its clock running: a PAS resend of the same Claim
 * gets the request it already made; an open request for the same care and dates, or
 * an unknown plan, is refused.
 */
export async function receivePreauthorization(
  db: OpsDb,
  user: SessionUser,
  request: AuthorizationRequest,
  at: { id: string; now: string; fhirClaimId: string | null },
): Promise<StoredAuthorization> {
  const earlier = await readAuthorizations(db, { memberId: request.memberId });
  const resent = at.fhirClaimId
    ? earlier.find((a) => a.fhirClaimId === at.fhirClaimId && a.request.facility.npi === request.facility.npi)
    : undefined;
  if (resent) return resent;
  const overlapping = earlier.find(
    (a) =>
      ['submitted', 'in_review', 'pended'].includes(a.status) &&
      a.request.levelOfCare === request.levelOfCare &&
      a.request.facility.npi === request.facility.npi &&
      a.request.services.some((s) =>
        request.services.some((r) => r.startDate <= s.endDate && s.startDate <= r.endDate),
      ),
  );
  if (overlapping)
    throw new AppError('conflict', `Request ${overlapping.id} for the same care and dates is still open.`, [
      {
        path: 'services',
        message: `overlaps open request ${overlapping.id}: send more information to it, or withdraw it first`,
      },
    ]);
  await readPlan(db, request.planId).catch(() => {
    throw new AppError('unprocessable', `There is no plan ${request.planId}.`, [
      { path: 'planId', message: 'unknown plan' },
    ]);
  });
  const a = receiveAuthorization({ id: at.id, request, receivedAt: at.now, actor: actorOf(user) });
  await insertAuthorization(db, a, at.fhirClaimId);
  return readAuthorization(db, a.id);
}

const reviewerActions: ReadonlySet<AuthorizationAction['kind']> = new Set([
  'start-review',
  'pend',
  'approve',
  'partially-approve',
  'deny',
]);
const facilityActions: ReadonlySet<AuthorizationAction['kind']> = new Set([
  'provide-information',
  'withdraw',
]);

/** Checks the caller may take this action on this request: reviewers decide, the submitting facility answers or withdraws. */
export function checkActionRole(
  user: SessionUser,
  a: StoredAuthorization,
  kind: AuthorizationAction['kind'],
): void {
  if (user.role === 'um_reviewer' && reviewerActions.has(kind)) return;
  if (
    user.role === 'facility_staff' &&
    facilityActions.has(kind) &&
    user.organization === a.request.facility.npi
  )
    return;
  throw new AppError('forbidden', `Your role cannot ${kind.replace('-', ' ')} this request.`);
}

/** Applies an action sent with the version the caller read; stale versions get 409 and nothing changes. */
export async function actOnPreauthorization(
  db: OpsDb,
  user: SessionUser,
  authorizationId: string,
  version: number,
  action: AuthorizationAction,
  now: string,
): Promise<StoredAuthorization> {
  const before = await readAuthorization(db, authorizationId);
  checkActionRole(user, before, action.kind);
  if (before.version !== version)
    throw new AppError('conflict', 'This request was changed by someone else. Reload it and try again.', [
      { path: 'version', message: `current version is ${before.version}` },
    ]);
  const after = applyAuthorizationAction(before, action, now, actorOf(user));
  await saveAuthorization(db, before, after);
  return readAuthorization(db, authorizationId);
}
