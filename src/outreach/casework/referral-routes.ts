import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { caseResolver } from '../cases/case-queries.ts';
import { addReferral, referralResolver, updateReferral } from './attempt-store.ts';
import { caseParams, caseSummaryView, referralInput, referralUpdate } from './casework-schemas.ts';

const caseRoles = ['case_manager', 'supervisor'] as const;
const referralResult = z.object({ referralId: z.string(), case: caseSummaryView });

/** Referrals to MOUD prescribers, virtual care, detox, intensive outpatient, groups and supportive services. */
export const referralRoutes: RouteModule = {
  name: 'outreach-referrals',
  register(app) {
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
        const result = await request.access.resource(
          caseResolver,
          request.params.caseId,
          { action: 'create', resourceType: 'Referral' },
          (_case, _grant, { db }) => addReferral(db, request.params.caseId, request.body, user),
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
        return request.access.resource(referralResolver, referralId, 'update', ({ caseId }, _grant, { db }) =>
          updateReferral(db, referralId, caseId, request.body, user),
        );
      },
    );
  },
};
