import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { allowedReferralStatuses, stageAfterReferral } from './case-lifecycle.ts';
import { caseParams, caseSummaryView, referralInput, referralUpdate } from './casework-schemas.ts';
import { applyStageChange, caseworkDb, loadCase, recordCaseEvent } from './casework-store.ts';

const caseRoles = ['case_manager', 'supervisor'] as const;
const referralResult = z.object({ referralId: z.string(), case: caseSummaryView });

/** Referrals to MOUD prescribers, virtual care, detox, intensive outpatient, groups and supportive services. */
export const referralRoutes: RouteModule = {
  name: 'outreach-referrals',
  register(app, deps) {
    const db = caseworkDb(deps.store.db);

    app.post(
      '/api/cases/:caseId/referrals',
      {
        config: { roles: caseRoles },
        schema: {
          tags: ['outreach'],
          params: caseParams,
          body: referralInput,
          response: { 201: referralResult },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const { caseId } = request.params;
        const { memberId } = await loadCase(db, caseId);
        const result = await request.access.member(
          memberId,
          { action: 'create', resourceType: 'Referral', resourceId: caseId },
          () =>
            db.transaction().execute(async (trx) => {
              const current = await loadCase(trx, caseId);
              if (current.status === 'closed') throw new AppError('conflict', 'This case is closed.');
              const referralId = randomUUID();
              const body = request.body;
              await trx
                .insertInto('referral')
                .values({
                  referral_id: referralId,
                  case_id: caseId,
                  member_id: memberId,
                  kind: body.kind,
                  status: body.status,
                  provider_name: body.providerName ?? null,
                  scheduled_for: null,
                  notes: body.notes ?? null,
                  created_by: user.userId,
                })
                .execute();
              await recordCaseEvent(trx, {
                caseId,
                actor: user,
                kind: 'referral',
                to: `${body.kind}: ${body.status}`,
              });
              const stage = stageAfterReferral(current.stage, body.status);
              const after = await applyStageChange(trx, current, { kind: 'stage', stage }, user);
              return {
                referralId,
                case: { caseId, stage: after.stage, status: after.status, version: after.version },
              };
            }),
        );
        reply.status(201);
        return result;
      },
    );

    app.patch(
      '/api/referrals/:referralId',
      {
        config: { roles: caseRoles },
        schema: {
          tags: ['outreach'],
          params: z.object({ referralId: z.string().min(1).max(64) }),
          body: referralUpdate,
          response: { 200: referralResult },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { referralId } = request.params;
        const found = await db
          .selectFrom('referral')
          .select(['case_id', 'member_id'])
          .where('referral_id', '=', referralId)
          .executeTakeFirst();
        if (!found) throw new AppError('not_found', 'There is no such referral.');
        return request.access.member(
          found.member_id,
          { action: 'update', resourceType: 'Referral', resourceId: referralId },
          () =>
            db.transaction().execute(async (trx) => {
              const referral = await trx
                .selectFrom('referral')
                .select(['status', 'kind'])
                .where('referral_id', '=', referralId)
                .forUpdate()
                .executeTakeFirstOrThrow();
              const body = request.body;
              if (
                body.status !== referral.status &&
                !allowedReferralStatuses(referral.status).includes(body.status)
              )
                throw new AppError(
                  'conflict',
                  `A ${referral.status} referral cannot become ${body.status}.`,
                  [
                    {
                      path: 'status',
                      message: `allowed: ${allowedReferralStatuses(referral.status).join(', ') || 'none'}`,
                    },
                  ],
                );
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
              const caseId = found.case_id;
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
              return {
                referralId,
                case: { caseId, stage: after.stage, status: after.status, version: after.version },
              };
            }),
        );
      },
    );
  },
};
