import { sql } from 'kysely';
import { z } from 'zod';
import type { SessionUser } from '../../platform/auth/sessions.ts';
import type { DataStores } from '../../platform/http/request-access.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { visibleToCaseManager } from '../cases/case-queries.ts';
import { caseStages } from './case-lifecycle.ts';
import { caseworkDb } from './casework-store.ts';
import { firstAttemptDueAt } from './service-level.ts';

export const caseWorkSummary = z.object({
  caseId: z.string(),
  stage: z.enum(caseStages),
  firstAttemptDueAt: z.string(),
  firstAttemptAt: z.string().nullable(),
  attempts: z.number().int(),
  assigneeName: z.string().nullable(),
  memberName: z.string().nullable(),
  planType: z.string().nullable(),
});

/** One case's work on the worklist page, as the web app reads it. */
export type CaseWorkSummary = z.infer<typeof caseWorkSummary>;

/**
 * What the worklist page adds to each of its cases: stage, service-level clock, assignee
 * and how to address the member (name, plan type); a case manager gets only cases they may see.
 */
export async function readCaseWorkSummaries(
  { db: ops, warehouse }: DataStores,
  user: SessionUser,
  caseIds: string[],
): Promise<{ memberIds: string[]; items: CaseWorkSummary[] }> {
  let query = caseworkDb(ops)
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
    .where('c.case_id', 'in', caseIds);
  if (user.role === 'case_manager') query = query.where(visibleToCaseManager(user.userId, 'c'));
  const rows = await query.execute();
  const people = await readMemberLabels(
    warehouse,
    rows.map((r) => r.member_id),
  );
  return {
    memberIds: rows.map((r) => r.member_id),
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
}

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
