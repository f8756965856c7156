import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { SessionUser } from '../../platform/auth/sessions.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import type { ResourceResolver } from '../../platform/http/request-access.ts';
import { allowedReferralStatuses, stageAfterAttempt, stageAfterReferral } from './case-lifecycle.ts';
import type { attemptInput, referralInput, referralUpdate } from './casework-schemas.ts';
import {
  applyStageChange,
  type CaseRow,
  type CaseworkDb,
  caseworkDb,
  loadCase,
  recordCaseEvent,
  takeCase,
} from './casework-store.ts';

type AttemptInput = z.output<typeof attemptInput>;
type ReferralInput = z.output<typeof referralInput>;
type ReferralUpdate = z.output<typeof referralUpdate>;
export interface CaseSummary {
  caseId: string;
  stage: CaseRow['stage'];
  status: CaseRow['status'];
  version: number;
}
const summaryOf = (c: CaseRow): CaseSummary => ({
  caseId: c.caseId,
  stage: c.stage,
  status: c.status,
  version: c.version,
});

/** A referral resolves to the member it is for. */
export const referralResolver: ResourceResolver<{ memberId: string; caseId: string }> = {
  resourceType: 'Referral',
  notFound: 'There is no such referral.',
  async resolve({ db }, referralId) {
    const found = await caseworkDb(db)
      .selectFrom('referral')
      .select(['case_id', 'member_id'])
      .where('referral_id', '=', referralId)
      .executeTakeFirst();
    return found && { memberId: found.member_id, caseId: found.case_id };
  },
};

async function insertReferral(
  trx: CaseworkDb,
  current: CaseRow,
  referral: ReferralInput,
  user: SessionUser,
): Promise<string> {
  const referralId = randomUUID();
  await trx
    .insertInto('referral')
    .values({
      referral_id: referralId,
      case_id: current.caseId,
      member_id: current.memberId,
      kind: referral.kind,
      status: referral.status,
      provider_name: referral.providerName ?? null,
      scheduled_for: null,
      notes: referral.notes ?? null,
      created_by: user.userId,
    })
    .execute();
  await recordCaseEvent(trx, {
    caseId: current.caseId,
    actor: user,
    kind: 'referral',
    to: `${referral.kind}: ${referral.status}`,
  });
  return referralId;
}

async function openCase(trx: CaseworkDb, caseId: string): Promise<CaseRow> {
  const current = await loadCase(trx, caseId);
  if (current.status === 'closed') throw new AppError('conflict', 'This case is closed.');
  return current;
}

/**
 * Records one attempt to reach the member with the referrals made on the call, in one
 * transaction; a case manager working an unassigned case takes it onto their caseload.
 */
export async function recordAttempt(
  db: OpsDb,
  caseId: string,
  input: AttemptInput,
  user: SessionUser,
): Promise<{ attemptId: string; after: CaseSummary }> {
  return caseworkDb(db)
    .transaction()
    .execute(async (trx) => {
      const current = await openCase(trx, caseId);
      const attemptId = randomUUID();
      await trx
        .insertInto('outreach_attempt')
        .values({
          attempt_id: attemptId,
          case_id: caseId,
          member_id: current.memberId,
          attempted_at: input.attemptedAt ?? new Date(),
          channel: input.channel,
          outcome: input.outcome,
          notes: input.notes ?? null,
          next_step: input.nextStep ?? null,
          next_attempt_at: input.nextAttemptAt ?? null,
          recorded_by: user.userId,
        })
        .execute();
      await recordCaseEvent(trx, {
        caseId,
        actor: user,
        kind: 'attempt',
        to: input.outcome,
        detail: input.channel,
      });
      for (const referral of input.referrals) await insertReferral(trx, current, referral, user);
      const working =
        user.role === 'case_manager' && current.assignedTo === null
          ? await takeCase(trx, current, user)
          : current;
      const accepted = input.referrals.some((r) => r.status === 'accepted');
      const after = await applyStageChange(
        trx,
        working,
        stageAfterAttempt(working.stage, input.outcome, accepted),
        user,
      );
      return { attemptId, after: summaryOf(after) };
    });
}

/** Adds a referral to an open case and moves the case's stage with it. */
export async function addReferral(
  db: OpsDb,
  caseId: string,
  input: ReferralInput,
  user: SessionUser,
): Promise<{ referralId: string; case: CaseSummary }> {
  return caseworkDb(db)
    .transaction()
    .execute(async (trx) => {
      const current = await openCase(trx, caseId);
      const referralId = await insertReferral(trx, current, input, user);
      const stage = stageAfterReferral(current.stage, input.status);
      const after = await applyStageChange(trx, current, { kind: 'stage', stage }, user);
      return { referralId, case: summaryOf(after) };
    });
}

/** Moves a referral to its next status (only along the allowed ones) and the case's stage with it. */
export async function updateReferral(
  db: OpsDb,
  referralId: string,
  caseId: string,
  body: ReferralUpdate,
  user: SessionUser,
): Promise<{ referralId: string; case: CaseSummary }> {
  return caseworkDb(db)
    .transaction()
    .execute(async (trx) => {
      const referral = await trx
        .selectFrom('referral')
        .select(['status', 'kind'])
        .where('referral_id', '=', referralId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const allowed = allowedReferralStatuses(referral.status);
      if (body.status !== referral.status && !allowed.includes(body.status))
        throw new AppError('conflict', `A ${referral.status} referral cannot become ${body.status}.`, [
          { path: 'status', message: `allowed: ${allowed.join(', ') || 'none'}` },
        ]);
      await trx
        .updateTable('referral')
        .set({
          status: body.status,
          updated_at: new Date(),
          ...(body.scheduledFor ? { scheduled_for: body.scheduledFor } : {}),
          ...(body.providerName ? { provider_name: body.providerName } : {}),
          ...(body.notes ? { notes: body.notes } : {}),
        })
        .where('referral_id', '=', referralId)
        .execute();
      await recordCaseEvent(trx, {
        caseId,
        actor: user,
        kind: 'referral',
        from: `${referral.kind}: ${referral.status}`,
        to: `${referral.kind}: ${body.status}`,
      });
      const current = await loadCase(trx, caseId);
      const stage = stageAfterReferral(current.stage, body.status);
      const after = await applyStageChange(trx, current, { kind: 'stage', stage }, user);
      return { referralId, case: summaryOf(after) };
    });
}
