import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { memberViewSchema, readMemberView } from './member-view.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** GET /api/members/{memberId}: profile, coverage, risk with evidence, a year of claims and daily MME. */
export const memberRoutes: RouteModule = {
  name: 'members',
  register(app) {
    app.get(
      '/api/members/:memberId',
      {
        config: {
          roles: [
            'case_manager',
            'supervisor',
            'clinical_pharmacist',
            'um_reviewer',
            'facility_staff',
            'member',
          ],
        },
        schema: {
          tags: ['members'],
          params: z.object({ memberId: z.string().min(1).max(64) }),
          querystring: z.object({ asOf: isoDate.optional() }),
          response: { 200: memberViewSchema },
        },
      },
      async (request) =>
        request.access.member(
          request.params.memberId,
          { action: 'read', resourceType: 'Member', resourceId: request.params.memberId },
          (grant, stores) => readMemberView(stores, grant, request.query.asOf),
        ),
    );
  },
};
