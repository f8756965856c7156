import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { caseResolver } from '../cases/case-queries.ts';
import { recordAttempt } from './attempt-store.ts';
import { readCaseWork } from './case-work.ts';
import {
  attemptInput,
  caseParams,
  caseSummaryView,
  caseWorkView,
  nextActionView,
} from './casework-schemas.ts';
import { caseworkDb } from './casework-store.ts';
import { readMemberPlan } from './member-plan.ts';

const caseRoles = ['case_manager', 'supervisor'] as const;

/** The work on a case and the attempts to reach the member. */
export const attemptRoutes: RouteModule = {
  name: 'outreach-attempts',
  register(app) {
    app.get(
      '/api/cases/:caseId/work',
      {
        config: { roles: caseRoles },
        schema: { tags: ['outreach'], params: caseParams, response: { 200: caseWorkView } },
      },
      async (request) =>
        request.access.resource(
          caseResolver,
          request.params.caseId,
          'read',
          async ({ memberId }, _grant, stores) =>
            readCaseWork(
              caseworkDb(stores.db),
              request.params.caseId,
              await readMemberPlan(stores.db, stores.warehouse, memberId),
            ),
        ),
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
        const result = await request.access.resource(
          caseResolver,
          caseId,
          { action: 'create', resourceType: 'OutreachAttempt' },
          async (_case, _grant, { db }) => {
            const { attemptId, after } = await recordAttempt(db, caseId, request.body, user);
            const work = await readCaseWork(caseworkDb(db), caseId);
            return { attemptId, case: after, nextAction: work.nextAction };
          },
        );
        reply.status(201);
        return result;
      },
    );
  },
};
