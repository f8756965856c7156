import { z } from 'zod';
import type { SessionUser } from '../../platform/auth/sessions.ts';
import type { DataStores } from '../../platform/http/request-access.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { visibleToCaseManager } from '../cases/case-queries.ts';
import { caseworkDb } from './casework-store.ts';

export const searchResult = z.object({
  caseId: z.string(),
  memberId: z.string(),
  memberName: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  priority: z.number().int(),
});

/** Cases whose member's id starts with the text or whose name contains it, as the caller may see them (at most 50). */
export async function searchCases(
  { db, warehouse }: DataStores,
  user: SessionUser,
  text: string,
): Promise<Array<z.infer<typeof searchResult>>> {
  const matches = await findMembersByText(warehouse, text);
  if (matches.size === 0) return [];
  let query = caseworkDb(db)
    .selectFrom('outreach_case')
    .select(['case_id', 'member_id', 'status', 'priority'])
    .where('member_id', 'in', [...matches.keys()]);
  if (user.role === 'case_manager') query = query.where(visibleToCaseManager(user.userId));
  const rows = await query.orderBy('status', 'desc').orderBy('priority', 'desc').limit(50).execute();
  return rows.map((r) => ({
    caseId: r.case_id,
    memberId: r.member_id,
    memberName: matches.get(r.member_id) ?? null,
    status: r.status,
    priority: r.priority,
  }));
}

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
