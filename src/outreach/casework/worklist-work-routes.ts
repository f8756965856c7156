import { sql } from 'kysely';
import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { visibleToCaseManager } from '../cases/case-queries.ts';
import { caseStages } from './case-lifecycle.ts';
import { caseworkDb } from './casework-store.ts';
import { firstAttemptDueAt } from './service-level.ts';

const caseWorkSummary = z.object({
  caseId: z.string(),
  stage: z.enum(caseStages),
  firstAttemptDueAt: z.string(),
  firstAttemptAt: z.string().nullable(),
  attempts: z.number().int(),
  assigneeName: z.string().nullable(),
  memberName: z.string().nullable(),
  planType: z.string().nullable(),
});

/**
 * GET /api/worklist/work?caseIds=…: what the worklist page adds to each row of GET /api/worklist —
 * lifecycle stage, service-level clock, assignee and how to address the member (name, plan type).
 */
export const worklistWorkRoutes: RouteModule = {
  name: 'outreach-worklist-work',
  register(app, deps) {
    const db = caseworkDb(deps.store.db);
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
        let query = db
          .selectFrom('outreach_case as c')
          .leftJoin('app_user as u', 'u.user_id', 'c.assigned_to')
          .select([
            'c.case_id',
            'c.member_id',
            'c.stage',
            'c.opened_at',
            'u.username',
            'u.display_name',
            sql<Date | null>`(select min(a.attempted_at) from outreach_attempt a where a.case_id = c.case_id)`.as(
              'first',
            ),
            sql<number>`(select count(*) from outreach_attempt a where a.case_id = c.case_id)`.as('attempts'),
          ])
          .where('c.case_id', 'in', ids);
        if (user.role === 'case_manager') query = query.where(visibleToCaseManager(user.userId, 'c'));
        const rows = await query.execute();
        const people = await readMemberLabels(
          request.access.warehouse,
          rows.map((r) => r.member_id),
        );
        await request.access.audit({
          action: 'search',
          memberId: null,
          resourceType: 'Worklist',
          resourceId: null,
          purpose: user.role === 'supervisor' ? 'operations' : 'treatment',
          outcome: 'success',
          detail: rows.map((r) => r.member_id).join(','),
        });
        return {
          items: rows.map((r) => ({
            caseId: r.case_id,
            stage: r.stage,
            firstAttemptDueAt: firstAttemptDueAt(new Date(r.opened_at)),
            firstAttemptAt: r.first ? new Date(r.first).toISOString() : null,
            attempts: Number(r.attempts),
            assigneeName: r.display_name ?? r.username ?? null,
            memberName: people.get(r.member_id)?.name ?? null,
            planType: people.get(r.member_id)?.planType ?? null,
          })),
        };
      },
    );
  },
};

/** Names and current plan types of members from the warehouse, one query for the page. */
async function readMemberLabels(
  warehouse: Warehouse,
  memberIds: string[],
): Promise<Map<string, { name: string | null; planType: string | null }>> {
  const labels = new Map<string, { name: string | null; planType: string | null }>();
  if (memberIds.length === 0) return labels;
  const placeholders = memberIds.map((_, i) => `$${i + 1}`).join(', ');
  const rows = await warehouse.all<{
    member_id: string;
    first_name: string | null;
    last_name: string | null;
    plan_type: string | null;
  }>(
    `select m.member_id, m.first_name, m.last_name,
       (select e.plan_type from enrollment e where e.member_id = m.member_id
         order by e.start_date desc limit 1) as plan_type
     from member m where m.member_id in (${placeholders})`,
    memberIds,
  );
  for (const r of rows) {
    const name = [r.first_name, r.last_name].filter(Boolean).join(' ') || null;
    labels.set(r.member_id, { name, planType: r.plan_type });
  }
  return labels;
}
