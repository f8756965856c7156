import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { findWorklistPage, worklistQuerySchema } from './worklist-query.ts';

export const worklistItemSchema = z.object({
  caseId: z.string(),
  memberId: z.string(),
  market: z.string().nullable(),
  priority: z.number().int(),
  status: z.enum(['open', 'closed']),
  assignedTo: z.string().nullable(),
  latestEmergencyDate: z.string().nullable(),
  openedAt: z.string(),
  version: z.number().int(),
  emergencyKinds: z.array(z.string()),
  riskFactorCodes: z.array(z.string()),
  context: z.array(z.string()),
});

/** GET /api/worklist: the outreach queue, paged and filtered, as the caller may see it. */
export const worklistRoutes: RouteModule = {
  name: 'worklist',
  register(app) {
    app.get(
      '/api/worklist',
      {
        config: { roles: ['case_manager', 'supervisor'] },
        schema: {
          tags: ['outreach'],
          querystring: worklistQuerySchema,
          response: {
            200: z.object({
              page: z.number().int(),
              pageSize: z.number().int(),
              total: z.number().int(),
              items: z.array(worklistItemSchema),
            }),
          },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const page = await request.access.operation(
          { action: 'search', resourceType: 'Worklist' },
          ({ db }) => findWorklistPage(db, user, request.query),
          // One event for the page, naming every member shown (the audit log may hold member ids).
          (found) => found.items.map((i) => i.memberId).join(','),
        );
        return { page: request.query.page, pageSize: request.query.pageSize, ...page };
      },
    );
  },
};
