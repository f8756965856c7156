import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { checkInSchema } from '../recovery-schemas.ts';
import { listCheckIns, recordCheckIn } from './check-in-store.ts';

const memberParams = z.object({ memberId: z.string().min(1).max(64) });

/** Where a member who answers yes to the safety question is pointed at once (UX: before anything else). */
export const crisisLines = [{ name: '988 Suicide & Crisis Lifeline', phone: '988', text: '988' }] as const;

const checkInView = z.object({
  checkInId: z.string(),
  submittedAt: z.string(),
  mood: z.number(),
  craving: z.number(),
  usedLast7Days: z.boolean(),
  sleep: z.string(),
  needs: z.array(z.string()),
  safetyConcern: z.boolean(),
});

/** The member's check-ins (RISK-RULES §11 CHECK_IN_USE, CHECK_IN_SAFETY): submitted by the member, read by their care team. */
export const checkInRoutes: RouteModule = {
  name: 'recovery-check-ins',
  register(app) {
    app.post(
      '/api/members/:memberId/check-ins',
      {
        config: { roles: ['member', 'case_manager'] },
        schema: {
          tags: ['recovery'],
          params: memberParams,
          body: checkInSchema,
          response: {
            201: z.object({
              checkInId: z.string(),
              alertsRaised: z.number().int(),
              crisis: z.array(z.object({ name: z.string(), phone: z.string(), text: z.string() })).nullable(),
            }),
          },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const result = await request.access.member(
          request.params.memberId,
          { action: 'create', resourceType: 'QuestionnaireResponse' },
          (_grant, { db }) => recordCheckIn(db, request.params.memberId, request.body, user),
        );
        reply.status(201);
        return {
          checkInId: result.checkInId,
          alertsRaised: result.alerts.length,
          crisis: request.body.safetyConcern ? [...crisisLines] : null,
        };
      },
    );

    app.get(
      '/api/members/:memberId/check-ins',
      {
        config: { roles: ['member', 'case_manager', 'supervisor'] },
        schema: {
          tags: ['recovery'],
          params: memberParams,
          response: { 200: z.object({ checkIns: z.array(checkInView) }) },
        },
      },
      async (request) => {
        const checkIns = await request.access.member(
          request.params.memberId,
          { action: 'read', resourceType: 'QuestionnaireResponse' },
          (grant, { db }) => listCheckIns(db, grant.memberId),
        );
        return { checkIns };
      },
    );
  },
};
