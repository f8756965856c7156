import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/sessions.ts';
import { inTransaction } from '../../platform/db/in-transaction.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { AppError } from '../../platform/errors.ts';
import { type CaseStage, type StageChange, toStoredCloseReason } from './case-lifecycle.ts';
import type { CaseworkTables } from './casework-tables.ts';

/** The platform's tables (users) and the casework tables together. */
export type CaseworkSchema = PlatformTables & CaseworkTables;
export type CaseworkDb = Kysely<CaseworkSchema> | Transaction<CaseworkSchema>;

/** The casework view of the operational store. */
export function caseworkDb(db: OpsDb): Kysely<CaseworkSchema> {
  return db.withTables<CaseworkTables>();
}

export interface CaseRow {
  caseId: string;
  memberId: string;
  stage: CaseStage;
  status: 'open' | 'closed';
  assignedTo: string | null;
  version: number;
  openedAt: Date;
}

/** The case, or not_found. */
export async function loadCase(db: CaseworkDb, caseId: string): Promise<CaseRow> {
  const row = await db
    .selectFrom('outreach_case')
    .select(['case_id', 'member_id', 'stage', 'status', 'assigned_to', 'version', 'opened_at'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'There is no such case.');
  return {
    caseId: row.case_id,
    memberId: row.member_id,
    stage: row.stage,
    status: row.status,
    assignedTo: row.assigned_to,
    version: row.version,
    openedAt: new Date(row.opened_at),
  };
}

/** Appends one line to the case history: what changed, from what to what, and who did it. */
export async function recordCaseEvent(
  db: CaseworkDb,
  event: {
    caseId: string;
    actor: Actor;
    kind: string;
    from?: string | null;
    to?: string | null;
    detail?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('case_event')
    .values({
      case_id: event.caseId,
      actor_id: event.actor.userId,
      actor_username: event.actor.username,
      kind: event.kind,
      from_value: event.from ?? null,
      to_value: event.to ?? null,
      detail: event.detail ?? null,
    })
    .execute();
}

/**
 * Applies a stage change if it changes anything, bumping the version; with `expectedVersion`
 * a stale write is refused with 409 instead of overwriting someone else's change.
 */
export async function applyStageChange(
  db: CaseworkDb,
  current: CaseRow,
  change: StageChange,
  actor: Actor,
  options: { expectedVersion?: number; note?: string } = {},
): Promise<CaseRow> {
  const stage: CaseStage = change.kind === 'close' ? 'closed' : change.stage;
  if (stage === current.stage && change.kind !== 'close') return current;
  if (current.status === 'closed') throw new AppError('conflict', 'This case is already closed.');
  const version = options.expectedVersion ?? current.version;
  const closing = change.kind === 'close';
  const updated = await db
    .updateTable('outreach_case')
    .set((eb) => ({
      stage,
      version: eb('version', '+', 1),
      updated_at: new Date(),
      ...(closing
        ? {
            status: 'closed' as const,
            closed_at: new Date(),
            close_reason: toStoredCloseReason(change.reason),
            ...(options.note ? { note: options.note } : {}),
          }
        : {}),
    }))
    .where('case_id', '=', current.caseId)
    .where('version', '=', version)
    .returning(['version'])
    .executeTakeFirst();
  if (!updated) throw new AppError('conflict', 'Someone else changed this case. Reload it and try again.');
  await recordCaseEvent(db, {
    caseId: current.caseId,
    actor,
    kind: closing ? 'closed' : 'stage',
    from: current.stage,
    to: closing ? `closed: ${change.reason}` : stage,
    detail: options.note ?? null,
  });
  return {
    ...current,
    stage,
    version: updated.version,
    ...(closing ? { status: 'closed' as const } : {}),
  };
}

/** Assigns an unassigned case to the user (bumping the version) and records it in the history. */
export async function takeCase(db: CaseworkDb, current: CaseRow, actor: Actor): Promise<CaseRow> {
  const updated = await db
    .updateTable('outreach_case')
    .set((eb) => ({ assigned_to: actor.userId, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('case_id', '=', current.caseId)
    .where('assigned_to', 'is', null)
    .returning(['version'])
    .executeTakeFirst();
  if (!updated) throw new AppError('conflict', 'Someone else took this case. Reload it and try again.');
  await recordCaseEvent(db, {
    caseId: current.caseId,
    actor,
    kind: 'assigned',
    from: null,
    to: actor.userId,
  });
  return { ...current, assignedTo: actor.userId, version: updated.version };
}

/** One stage change by hand, in a transaction, refused with 409 when the caller's version is stale. */
export async function changeCaseStage(
  db: OpsDb,
  caseId: string,
  change: StageChange,
  actor: Actor,
  body: { version: number; note?: string | undefined },
): Promise<{ caseId: string; stage: CaseStage; status: CaseRow['status']; version: number }> {
  return inTransaction(caseworkDb(db), async (trx) => {
    const current = await loadCase(trx, caseId);
    const after = await applyStageChange(trx, current, change, actor, {
      expectedVersion: body.version,
      ...(body.note ? { note: body.note } : {}),
    });
    return { caseId, stage: after.stage, status: after.status, version: after.version };
  });
}

/**
 * Reopens a closed case (RISK-RULES §11: an urgent or high recovery signal reopens a case
 * closed less than 365 days ago), back at engaged, with the reason in the case history.
 * Answers false when the case was not closed (or was reopened meanwhile).
 */
export async function reopenCase(db: OpsDb, caseId: string, reason: string): Promise<boolean> {
  const w = caseworkDb(db);
  const reopened = await w
    .updateTable('outreach_case')
    .set((eb) => ({
      status: 'open' as const,
      stage: 'engaged' as const,
      closed_at: null,
      close_reason: null,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('case_id', '=', caseId)
    .where('status', '=', 'closed')
    .returning(['case_id'])
    .executeTakeFirst();
  if (!reopened) return false;
  await w
    .insertInto('case_event')
    .values({
      case_id: caseId,
      actor_id: null,
      actor_username: 'signals',
      kind: 'reopened',
      from_value: 'closed',
      to_value: 'engaged',
      detail: reason,
    })
    .execute();
  return true;
}
