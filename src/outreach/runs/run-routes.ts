import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { listRunCandidates, listRuns } from './run-queries.ts';

const runSchema = z.object({
  runId: z.string(),
  asOf: z.string(),
  ruleVersion: z.string(),
  factorSet: z.string().nullable(),
  startedAt: z.string(),
  counts: z.record(z.string(), z.number()),
});

/** GET /api/runs (no member ids: analysts may read it) and a run's candidates (supervisors). */
export const runRoutes: RouteModule = {
  name: 'runs',
  register(app) {
    app.get(
      '/api/runs',
      {
        config: { roles: ['supervisor', 'analyst', 'admin', 'case_manager'] },
        schema: {
          tags: ['outreach'],
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ items: z.array(runSchema) }) },
        },
      },
      async (request) =>
        request.access.nonMember(async ({ db }) => ({ items: await listRuns(db, request.query.limit) })),
    );
    app.get(
      '/api/runs/:runId/candidates',
      {
        config: { roles: ['supervisor'] },
        schema: {
          tags: ['outreach'],
          params: z.object({ runId: z.string().min(1).max(64) }),
          querystring: z.object({
            disposition: z.enum(['new', 'open', 'suppressed']).optional(),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  memberId: z.string(),
                  market: z.string().nullable(),
                  priority: z.number().int(),
                  disposition: z.enum(['new', 'open', 'suppressed']),
                  suppressionReason: z.string().nullable(),
                  caseId: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const { runId } = request.params;
        const items = await request.access.operation(
          { action: 'search', resourceType: 'RunCandidates', resourceId: runId },
          ({ db }) => listRunCandidates(db, runId, request.query),
          (found) => found.map((r) => r.memberId).join(','),
        );
        return { items };
      },
    );
  },
};
