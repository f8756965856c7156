import { sql } from 'kysely';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import type { ResourceResolver } from '../../platform/http/request-access.ts';
import type { CaseReasons, CaseTables } from './case-tables.ts';

export interface CaseView {
  caseId: string;
  memberId: string;
  status: 'open' | 'closed';
  priority: number;
  market: string | null;
  reasons: CaseReasons;
  latestEmergencyDate: string | null;
  assignedTo: string | null;
  openedAt: string;
  closedAt: string | null;
  closeReason: string | null;
  note: string | null;
  version: number;
  updatedAt: string;
}

/** A case resolves to its member, so the access check runs before anything of the case is read. */
export const caseResolver: ResourceResolver = {
  resourceType: 'Case',
  notFound: 'There is no such case.',
  async resolve({ db }, caseId) {
    const memberId = await caseMemberOf(db, caseId);
    return memberId === undefined ? undefined : { memberId };
  },
};

async function caseMemberOf(db: OpsDb, caseId: string): Promise<string | undefined> {
  const row = await db
    .withTables<CaseTables>()
    .selectFrom('outreach_case')
    .select('member_id')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row?.member_id;
}

/** One case with its reasons. */
export async function readCase(db: OpsDb, caseId: string): Promise<CaseView> {
  const r = await db
    .withTables<CaseTables>()
    .selectFrom('outreach_case')
    .select([
      'case_id',
      'member_id',
      'status',
      'priority',
      'market',
      sql<CaseReasons>`reasons`.as('reasons'),
      'latest_emergency_date',
      'assigned_to',
      'opened_at',
      'closed_at',
      'close_reason',
      'note',
      'version',
      'updated_at',
    ])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!r) throw new AppError('not_found', 'There is no such case.');
  return {
    caseId: r.case_id,
    memberId: r.member_id,
    status: r.status,
    priority: r.priority,
    market: r.market,
    reasons: r.reasons,
    latestEmergencyDate: r.latest_emergency_date,
    assignedTo: r.assigned_to,
    openedAt: new Date(r.opened_at).toISOString(),
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    closeReason: r.close_reason,
    note: r.note,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/**
 * Changes a case's note if nobody changed the case since `version` was read:
 * optimistic concurrency, so two people never silently overwrite each other (409).
 */
export async function updateCaseNote(
  db: OpsDb,
  caseId: string,
  version: number,
  note: string | null,
): Promise<CaseView> {
  const result = await db
    .withTables<CaseTables>()
    .updateTable('outreach_case')
    .set((eb) => ({ note, version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('case_id', '=', caseId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    if ((await caseMemberOf(db, caseId)) === undefined)
      throw new AppError('not_found', caseResolver.notFound);
    throw new AppError(
      'conflict',
      'Someone else changed this case since you opened it. Reload it and try again.',
      [{ path: 'version', message: 'stale' }],
    );
  }
  return readCase(db, caseId);
}

/**
 * The cases a case manager may see: their own caseload and the open, unassigned worklist.
 * One rule for every query that lists or opens cases (the member access policy, the worklist,
 * search); `table` names outreach_case when the query gives it an alias.
 */
export function visibleToCaseManager(userId: string, table = 'outreach_case') {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  return sql<boolean>`(${column('assigned_to')} = ${userId}
    or (${column('status')} = 'open' and ${column('assigned_to')} is null))`;
}

/** Whether the member has a case on the case manager's caseload or the open worklist (the access policy's test). */
export async function isOnCaseManagerCaseload(db: OpsDb, userId: string, memberId: string): Promise<boolean> {
  const row = await db
    .withTables<CaseTables>()
    .selectFrom('outreach_case')
    .select('case_id')
    .where('member_id', '=', memberId)
    .where(visibleToCaseManager(userId))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the member has any outreach case, open or closed (a supervisor's reach). */
export async function memberHasCase(db: OpsDb, memberId: string): Promise<boolean> {
  const row = await db
    .withTables<CaseTables>()
    .selectFrom('outreach_case')
    .select('case_id')
    .where('member_id', '=', memberId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A case the recovery signals watch: engaged (day E known), open, or closed under `reopenDays` ago. */
export interface WatchedCase {
  caseId: string;
  memberId: string;
  engagedOn: string;
  caseOpen: boolean;
}

/**
 * RISK-RULES §11's population as of a day: each member's latest case that reached engagement
 * on or before `asOf` and is open past first contact, or closed less than `reopenDays` before `asOf`.
 */
export async function listWatchedCases(
  db: OpsDb,
  asOf: string,
  reopenDays: number,
  memberId?: string,
): Promise<WatchedCase[]> {
  const result = await sql<{ case_id: string; member_id: string; engaged_on: string; status: string }>`
    select distinct on (member_id) case_id, member_id, to_char(engaged_on, 'YYYY-MM-DD') as engaged_on, status
    from outreach_case
    where engaged_on is not null and engaged_on <= ${asOf}::date
      and ((status = 'open' and stage in ('engaged', 'in_treatment', 'aftercare'))
        or (status = 'closed' and closed_at > ${asOf}::date - ${reopenDays}::integer))
      ${memberId === undefined ? sql`` : sql`and member_id = ${memberId}`}
    order by member_id, opened_at desc`.execute(db);
  return result.rows.map((r) => ({
    caseId: r.case_id,
    memberId: r.member_id,
    engagedOn: r.engaged_on,
    caseOpen: r.status === 'open',
  }));
}
