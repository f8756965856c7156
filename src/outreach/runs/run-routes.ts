import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import type { CaseTables } from '../cases/case-tables.ts';

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
      async (request) => {
        const rows = await request.access.db
          .withTables<CaseTables>()
          .selectFrom('identification_run')
          .select([
            'run_id',
            'as_of',
            'rule_version',
            'factor_set',
            'started_at',
            sql<Record<string, number>>`counts`.as('counts'),
          ])
          .orderBy('started_at', 'desc')
          .limit(request.query.limit)
          .execute();
        return {
          items: rows.map((r) => ({
            runId: r.run_id,
            asOf: r.as_of,
            ruleVersion: r.rule_version,
            factorSet: r.factor_set,
            startedAt: new Date(r.started_at).toISOString(),
            counts: r.counts,
          })),
        };
      },
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
        const db = request.access.db.withTables<CaseTables>();
        const run = await db
          .selectFrom('identification_run')
          .select('run_id')
          .where('run_id', '=', request.params.runId)
          .executeTakeFirst();
        if (!run) throw new AppError('not_found', 'There is no such run.');
        let q = db.selectFrom('run_candidate').where('run_id', '=', request.params.runId);
        if (request.query.disposition) q = q.where('disposition', '=', request.query.disposition);
        const rows = await q
          .select(['member_id', 'market', 'priority', 'disposition', 'suppression_reason', 'case_id'])
          .orderBy('priority', 'desc')
          .orderBy('member_id')
          .limit(request.query.pageSize)
          .offset((request.query.page - 1) * request.query.pageSize)
          .execute();
        await request.access.audit({
          action: 'search',
          memberId: null,
          resourceType: 'RunCandidates',
          resourceId: request.params.runId,
          purpose: 'operations',
          outcome: 'success',
          detail: rows.map((r) => r.member_id).join(','),
        });
        return {
          items: rows.map((r) => ({
            memberId: r.member_id,
            market: r.market,
            priority: r.priority,
            disposition: r.disposition,
            suppressionReason: r.suppression_reason,
            caseId: r.case_id,
          })),
        };
      },
    );
  },
};
