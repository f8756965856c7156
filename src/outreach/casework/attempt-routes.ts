import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { stageAfterAttempt } from './case-lifecycle.ts';
import { readCaseWork } from './case-work.ts';
import {
  attemptInput,
  caseParams,
  caseSummaryView,
  caseWorkView,
  nextActionView,
} from './casework-schemas.ts';
import { applyStageChange, caseworkDb, loadCase, recordCaseEvent, takeCase } from './casework-store.ts';
import { readMemberPlan } from './member-plan.ts';

const caseRoles = ['case_manager', 'supervisor'] as const;

/** The work on a case and the attempts to reach the member. */
export const attemptRoutes: RouteModule = {
  name: 'outreach-attempts',
  register(app, deps) {
    const db = caseworkDb(deps.store.db);

    app.get(
      '/api/cases/:caseId/work',
      {
        config: { roles: caseRoles },
        schema: { tags: ['outreach'], params: caseParams, response: { 200: caseWorkView } },
      },
      async (request) => {
        const { memberId } = await loadCase(db, request.params.caseId);
        return request.access.member(
          memberId,
          { action: 'read', resourceType: 'Case', resourceId: request.params.caseId },
          async () =>
            readCaseWork(
              db,
              request.params.caseId,
              await readMemberPlan(request.access.db, request.access.warehouse, memberId),
            ),
        );
      },
    );

    app.post(
      '/api/cases/:caseId/attempts',
      {
        config: { roles: caseRoles },
        schema: {
          tags: ['outreach'],
          params: caseParams,
          body: attemptInput,
          response: {
            201: z.object({ attemptId: z.string(), case: caseSummaryView, nextAction: nextActionView }),
          },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const { caseId } = request.params;
        const input = request.body;
        const { memberId } = await loadCase(db, caseId);
        const result = await request.access.member(
          memberId,
          { action: 'create', resourceType: 'OutreachAttempt', resourceId: caseId },
          () =>
            db.transaction().execute(async (trx) => {
              const current = await loadCase(trx, caseId);
              if (current.status === 'closed') throw new AppError('conflict', 'This case is closed.');
              const attemptId = randomUUID();
              await trx
                .insertInto('outreach_attempt')
                .values({
                  attempt_id: attemptId,
                  case_id: caseId,
                  member_id: memberId,
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
              for (const referral of input.referrals) {
                await trx
                  .insertInto('referral')
                  .values({
                    referral_id: randomUUID(),
                    case_id: caseId,
                    member_id: memberId,
                    kind: referral.kind,
                    status: referral.status,
                    provider_name: referral.providerName ?? null,
                    scheduled_for: null,
                    notes: referral.notes ?? null,
                    created_by: user.userId,
                  })
                  .execute();
                await recordCaseEvent(trx, {
                  caseId,
                  actor: user,
                  kind: 'referral',
                  to: `${referral.kind}: ${referral.status}`,
                });
              }
              // A case manager working an unassigned case takes it: it joins their caseload.
              const working =
                user.role === 'case_manager' && current.assignedTo === null
                  ? await takeCase(trx, current, user)
                  : current;
              const accepted = input.referrals.some((r) => r.status === 'accepted');
              const change = stageAfterAttempt(working.stage, input.outcome, accepted);
              const after = await applyStageChange(trx, working, change, user);
              return { attemptId, after };
            }),
        );
        const work = await readCaseWork(db, caseId);
        reply.status(201);
        return {
          attemptId: result.attemptId,
          case: {
            caseId,
            stage: result.after.stage,
            status: result.after.status,
            version: result.after.version,
          },
          nextAction: work.nextAction,
        };
      },
    );
  },
};
