import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { caseWorkSummary, readCaseWorkSummaries } from './worklist-work-queries.ts';

/**
 * GET /api/worklist/work?caseIds=…: what the worklist page adds to each row of GET /api/worklist —
 * lifecycle stage, service-level clock, assignee and how to address the member (name, plan type).
 */
export const worklistWorkRoutes: RouteModule = {
  name: 'outreach-worklist-work',
  register(app) {
    app.get(
      '/api/worklist/work',
      {
        config: { roles: ['case_manager', 'supervisor'] },
        schema: {
          tags: ['outreach'],
          querystring: z.object({
            caseIds: z
              .string()
              .max(200 * 65)
              .transform((s) => s.split(',').filter(Boolean))
              .pipe(z.array(z.string().min(1).max(64)).max(200)),
          }),
          response: { 200: z.object({ items: z.array(caseWorkSummary) }) },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const ids = request.query.caseIds;
        if (ids.length === 0) return { items: [] };
        const { items } = await request.access.operation(
          { action: 'search', resourceType: 'Worklist' },
          (stores) => readCaseWorkSummaries(stores, user, ids),
          (page) => page.memberIds.join(','),
        );
        return { items };
      },
    );
  },
};
