import { z } from 'zod';
import { caseResolver } from '../../outreach/index.ts';
import { todayIso } from '../../platform/calendar/iso-days.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { followUpResolver } from '../recovery-resolvers.ts';
import { dischargeSchema, followUpDoneSchema } from './aftercare-schemas.ts';
import { completeFollowUp, dischargeToAftercare, listFollowUps } from './aftercare-store.ts';
import { followUpKinds, followUpOutcomes } from './follow-up-schedule.ts';

const followUpView = z.object({
  followUpId: z.string(),
  memberId: z.string(),
  caseId: z.string(),
  planId: z.string(),
  kind: z.enum(followUpKinds),
  label: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  status: z.enum(['open', 'done']),
  outcome: z.enum(followUpOutcomes).nullable(),
  note: z.string().nullable(),
  doneAt: z.string().nullable(),
});

/** Discharge into aftercare, and the follow-up contacts it puts on the case manager's queue. */
export const aftercareRoutes: RouteModule = {
  name: 'recovery-aftercare',
  register(app) {
    app.post(
      '/api/cases/:caseId/discharge',
      {
        config: { roles: ['case_manager'] },
        schema: {
          tags: ['recovery'],
          params: z.object({ caseId: z.string().min(1).max(64) }),
          body: dischargeSchema,
          response: {
            201: z.object({
              planId: z.string(),
              caseVersion: z.number().int(),
              followUps: z.array(z.object({ kind: z.enum(followUpKinds), dueOn: z.string() })),
            }),
          },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const { caseId } = request.params;
        const result = await request.access.resource(
          caseResolver,
          caseId,
          { action: 'create', resourceType: 'CarePlan' },
          ({ memberId }, _grant, { db }) =>
            dischargeToAftercare(db, { caseId, memberId }, request.body, user),
        );
        reply.status(201);
        return result;
      },
    );

    app.get(
      '/api/recovery/follow-ups',
      {
        config: { roles: ['case_manager', 'supervisor'] },
        schema: {
          tags: ['recovery'],
          querystring: z.object({
            status: z.enum(['open', 'done']).default('open'),
            overdue: z.enum(['true', 'false']).default('false'),
          }),
          response: { 200: z.object({ followUps: z.array(followUpView) }) },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { status, overdue } = request.query;
        const followUps = await request.access.operation(
          { action: 'search', resourceType: 'FollowUp' },
          ({ db }) =>
            listFollowUps(db, user, {
              status,
              today: todayIso(),
              ...(overdue === 'true' ? { overdueOn: todayIso() } : {}),
            }),
          (found) => `${found.length} follow-ups`,
        );
        return { followUps };
      },
    );

    app.post(
      '/api/recovery/follow-ups/:followUpId/complete',
      {
        config: { roles: ['case_manager', 'supervisor'] },
        schema: {
          tags: ['recovery'],
          params: z.object({ followUpId: z.string().min(1).max(64) }),
          body: followUpDoneSchema,
          response: { 200: z.object({ followUpId: z.string(), status: z.literal('done') }) },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { followUpId } = request.params;
        await request.access.resource(followUpResolver, followUpId, 'update', (_f, _grant, { db }) =>
          completeFollowUp(db, followUpId, request.body, user),
        );
        return { followUpId, status: 'done' as const };
      },
    );
  },
};
