import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { searchCases, searchResult } from './worklist-search-queries.ts';

/**
 * POST /api/worklist/search: find cases by member id or name. A POST with the text in the
 * body, so what was typed about a member never lands in a URL (UX: privacy on screen).
 */
export const worklistSearchRoutes: RouteModule = {
  name: 'outreach-worklist-search',
  register(app) {
    app.post(
      '/api/worklist/search',
      {
        config: { roles: ['case_manager', 'supervisor'] },
        schema: {
          tags: ['outreach'],
          body: z.object({ text: z.string().trim().min(2).max(100) }),
          response: { 200: z.object({ items: z.array(searchResult) }) },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const items = await request.access.operation(
          { action: 'search', resourceType: 'Worklist' },
          (stores) => searchCases(stores, user, request.body.text),
          (found) => found.map((r) => r.memberId).join(','),
        );
        return { items };
      },
    );
  },
};
