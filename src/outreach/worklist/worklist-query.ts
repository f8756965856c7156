import { sql } from 'kysely';
import { z } from 'zod';
import type { SessionUser } from '../../platform/auth/sessions.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { focusMarkets } from '../../reference/index.ts';
import { visibleToCaseManager } from '../cases/case-queries.ts';
import type { CaseReasons, CaseTables } from '../cases/case-tables.ts';
import { firstAttemptDueDateSql } from '../casework/service-level.ts';
import { countShared } from './shared-count.ts';

export const worklistQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: z.enum(['open', 'closed']).default('open'),
  /** A market of RISK-RULES §2 (CHICAGO, NYC and PHILADELPHIA too) or `other`. */
  market: z.enum([...focusMarkets, 'other']).optional(),
  /** `me`, `unassigned`, or a user id (supervisors). */
  assigned: z.string().min(1).max(64).optional(),
  /** A risk-factor code or emergency kind the case must carry. */
  reason: z
    .string()
    .regex(/^[A-Z_]{3,40}$/)
    .optional(),
  minPriority: z.coerce.number().int().min(0).max(1000).optional(),
  /**
   * `priority` (RISK-RULES §7 order), `emergency` (fewest days since the latest emergency),
   * `due` (first-attempt service level due soonest) or `member` (member id). Ties fall back
   * to the §7 order, so a page is stable.
   */
  sort: z.enum(['priority', 'emergency', 'due', 'member']).default('priority'),
});
export type WorklistQuery = z.output<typeof worklistQuerySchema>;

export interface WorklistItem {
  caseId: string;
  memberId: string;
  market: string | null;
  priority: number;
  status: 'open' | 'closed';
  assignedTo: string | null;
  latestEmergencyDate: string | null;
  openedAt: string;
  version: number;
  emergencyKinds: string[];
  riskFactorCodes: string[];
  context: string[];
}

const byPriority = sql`priority desc, latest_emergency_date desc nulls last, member_id`;

/** ORDER BY for each sort: fixed SQL chosen by an enum value, never text from the request. */
const sortKeys: Record<WorklistQuery['sort'], ReturnType<typeof sql>> = {
  priority: byPriority,
  emergency: sql`latest_emergency_date desc nulls last, ${byPriority}`,
  due: sql`${sql.raw(firstAttemptDueDateSql)}, ${byPriority}`,
  member: sql`member_id`,
};

/**
 * One page of outreach cases in worklist order (RISK-RULES §7: priority, latest
 * emergency, member id), limited to what the caller may see: a case manager
 * their caseload and the unassigned open cases; a supervisor every case.
 */
export async function findWorklistPage(
  db: OpsDb,
  user: SessionUser,
  q: WorklistQuery,
): Promise<{ total: number; items: WorklistItem[] }> {
  let query = db.withTables<CaseTables>().selectFrom('outreach_case').where('status', '=', q.status);
  if (q.market) query = query.where('market', '=', q.market);
  if (q.assigned === 'me') query = query.where('assigned_to', '=', user.userId);
  else if (q.assigned === 'unassigned') query = query.where('assigned_to', 'is', null);
  else if (q.assigned) query = query.where('assigned_to', '=', q.assigned);
  if (q.minPriority !== undefined) query = query.where('priority', '>=', q.minPriority);
  if (q.reason) {
    const probeFactor = JSON.stringify({ riskFactors: [{ code: q.reason }] });
    const probeEmergency = JSON.stringify({ emergencies: [{ kind: q.reason }] });
    query = query.where((w) =>
      w.or([
        sql<boolean>`reasons @> ${probeFactor}::jsonb`,
        sql<boolean>`reasons @> ${probeEmergency}::jsonb`,
      ]),
    );
  }
  const filtered = query;
  if (user.role === 'case_manager') query = query.where(visibleToCaseManager(user.userId));
  // The page's case ids come from a narrow walk of the queue index (index-only for the default
  // order, no sort of whole rows: a deep page once spilled its sort to disk); only those rows are read.
  const pageIds = query
    .select('case_id')
    .orderBy(sortKeys[q.sort])
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  // Concurrent requests for the same list share one count (each from a snapshot after it asked).
  const count = (part: typeof query): Promise<number> => {
    const counted = part.select((eb) => eb.fn.countAll<number>().as('n'));
    return countShared(db, counted.compile(), async () => Number((await counted.executeTakeFirst())?.n ?? 0));
  };
  // A case manager's list is two disjoint parts, their caseload and the unassigned cases; the
  // unassigned part is the same for every case manager, so they all share its count.
  const total =
    user.role === 'case_manager'
      ? Promise.all([
          count(filtered.where('assigned_to', 'is', null).where('status', '=', 'open')),
          count(filtered.where('assigned_to', '=', user.userId)),
        ]).then(([unassigned, mine]) => unassigned + mine)
      : count(query);
  const [totalCount, rows] = await Promise.all([
    total,
    db
      .withTables<CaseTables>()
      .selectFrom('outreach_case')
      .where('case_id', 'in', pageIds)
      .select([
        'case_id',
        'member_id',
        'market',
        'priority',
        'status',
        'assigned_to',
        'latest_emergency_date',
        'opened_at',
        'version',
        sql<CaseReasons>`reasons`.as('reasons'),
      ])
      .orderBy(sortKeys[q.sort])
      .orderBy('case_id')
      .execute(),
  ]);
  return {
    total: totalCount,
    items: rows.map((r) => ({
      caseId: r.case_id,
      memberId: r.member_id,
      market: r.market,
      priority: r.priority,
      status: r.status,
      assignedTo: r.assigned_to,
      latestEmergencyDate: r.latest_emergency_date,
      openedAt: new Date(r.opened_at).toISOString(),
      version: r.version,
      emergencyKinds: [...new Set(r.reasons.emergencies.map((e) => e.kind))],
      riskFactorCodes: r.reasons.riskFactors.map((f) => f.code),
      context: r.reasons.context,
    })),
  };
}
