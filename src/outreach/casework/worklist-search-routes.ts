import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { visibleToCaseManager } from '../cases/case-queries.ts';
import { caseworkDb } from './casework-store.ts';

const searchResult = z.object({
  caseId: z.string(),
  memberId: z.string(),
  memberName: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  priority: z.number().int(),
});

/**
 * POST /api/worklist/search: find cases by member id or name. A POST with the text in the
 * body, so what was typed about a member never lands in a URL (UX: privacy on screen).
 */
export const worklistSearchRoutes: RouteModule = {
  name: 'outreach-worklist-search',
  register(app, deps) {
    const db = caseworkDb(deps.store.db);
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
        const matches = await findMembersByText(request.access.warehouse, request.body.text);
        if (matches.size === 0) return { items: [] };
        let query = db
          .selectFrom('outreach_case')
          .select(['case_id', 'member_id', 'status', 'priority'])
          .where('member_id', 'in', [...matches.keys()]);
        if (user.role === 'case_manager') query = query.where(visibleToCaseManager(user.userId));
        const rows = await query.orderBy('status', 'desc').orderBy('priority', 'desc').limit(50).execute();
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
            memberId: r.member_id,
            memberName: matches.get(r.member_id) ?? null,
            status: r.status,
            priority: r.priority,
          })),
        };
      },
    );
  },
};

/** Members whose id starts with the text or whose name contains it (case-insensitive), at most 500. */
async function findMembersByText(warehouse: Warehouse, text: string): Promise<Map<string, string | null>> {
  const rows = await warehouse.all<{
    member_id: string;
    first_name: string | null;
    last_name: string | null;
  }>(
    `select member_id, first_name, last_name from member
     where upper(member_id) like $1 escape '\\'
        or lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) like $2 escape '\\'
     order by member_id limit 500`,
    [`${escapeLike(text.toUpperCase())}%`, `%${escapeLike(text.toLowerCase())}%`],
  );
  return new Map(
    rows.map((r) => [r.member_id, [r.first_name, r.last_name].filter(Boolean).join(' ') || null]),
  );
}

/** Treats % and _ typed by a person as literal characters in LIKE (with an explicit ESCAPE, for both engines). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
