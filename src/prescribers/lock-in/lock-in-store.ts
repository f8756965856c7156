import type { Kysely, Selectable } from 'kysely';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import type { ResourceResolver } from '../../platform/http/request-access.ts';
import type { LockInTable, PrescriberTables } from '../prescriber-tables.ts';
import { withWriteLock } from '../write-lock.ts';
import type { LockIn, LockInEvent, LockInState } from './lock-in-types.ts';

export type PrescriberDb = Kysely<PrescriberTables>;

const typed = new WeakMap<OpsDb, PrescriberDb>();

/** The operational store typed with this domain's tables; one instance per store, so writes can queue on it. */
export function prescriberDb(db: OpsDb): PrescriberDb {
  let found = typed.get(db);
  if (!found) {
    found = db.withTables<PrescriberTables>() as unknown as PrescriberDb;
    typed.set(db, found);
  }
  return found;
}

/** A date column as 'YYYY-MM-DD', whichever way the driver hands it back. */
export function toDay(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

/** `toDay` for a nullable column. */
export function toOptionalDay(value: string | Date | null): string | null {
  return value === null ? null : toDay(value);
}

function toLockIn(row: Selectable<LockInTable>): LockIn {
  return {
    id: row.lock_in_id,
    memberId: row.member_id,
    state: row.state,
    evidence: row.evidence,
    proposedOn: toDay(row.proposed_on),
    scope: row.scope,
    rationale: row.rationale,
    decidedOn: toOptionalDay(row.decided_on),
    decidedBy: row.decided_by,
    initialNoticeOn: toOptionalDay(row.initial_notice_on),
    responseDueOn: toOptionalDay(row.response_due_on),
    memberResponse: row.member_response,
    secondNoticeOn: toOptionalDay(row.second_notice_on),
    pharmacyNpi: row.pharmacy_npi,
    prescriberNpi: row.prescriber_npi,
    effectiveFrom: toOptionalDay(row.effective_from),
    endsOn: toOptionalDay(row.ends_on),
    extendedOn: toOptionalDay(row.extended_on),
    appealFiledOn: toOptionalDay(row.appeal_filed_on),
    appealFromState: row.appeal_from_state,
    appealDecidedOn: toOptionalDay(row.appeal_decided_on),
    appealOutcome: row.appeal_outcome,
    closedOn: toOptionalDay(row.closed_on),
    closeReason: row.close_reason,
    version: row.version,
  };
}

function toRow(l: LockIn) {
  return {
    lock_in_id: l.id,
    member_id: l.memberId,
    state: l.state,
    evidence: JSON.stringify(l.evidence),
    proposed_on: l.proposedOn,
    scope: l.scope,
    rationale: l.rationale,
    decided_on: l.decidedOn,
    decided_by: l.decidedBy,
    initial_notice_on: l.initialNoticeOn,
    response_due_on: l.responseDueOn,
    member_response: JSON.stringify(l.memberResponse),
    second_notice_on: l.secondNoticeOn,
    pharmacy_npi: l.pharmacyNpi,
    prescriber_npi: l.prescriberNpi,
    effective_from: l.effectiveFrom,
    ends_on: l.endsOn,
    extended_on: l.extendedOn,
    appeal_filed_on: l.appealFiledOn,
    appeal_from_state: l.appealFromState,
    appeal_decided_on: l.appealDecidedOn,
    appeal_outcome: l.appealOutcome,
    closed_on: l.closedOn,
    close_reason: l.closeReason,
    version: l.version,
    updated_at: new Date(),
  };
}

async function insertEvent(db: PrescriberDb, e: LockInEvent): Promise<void> {
  await db
    .insertInto('lock_in_event')
    .values({
      lock_in_id: e.lockInId,
      kind: e.kind,
      on_date: e.on,
      actor: e.by,
      from_state: e.fromState,
      to_state: e.toState,
      detail: JSON.stringify(e.detail),
      recorded_at: new Date(),
    })
    .execute();
}

/** Stores a new lock-in and its proposal event; a member with an open lock-in gets a conflict. */
export async function insertLockIn(db: PrescriberDb, lockIn: LockIn, event: LockInEvent): Promise<void> {
  try {
    await withWriteLock(db, () =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('lock_in').values(toRow(lockIn)).execute();
        await insertEvent(trx, event);
      }),
    );
  } catch (error) {
    if (String((error as { code?: string }).code) === '23505' || /lock_in_one_open/.test(String(error)))
      throw new AppError('conflict', 'This member already has an open lock-in.', [
        { path: 'memberId', message: 'open lock-in exists' },
      ]);
    throw error;
  }
}

/** Writes a transition only if nobody changed the lock-in since `before` was read. */
export async function saveTransition(
  db: PrescriberDb,
  before: LockIn,
  after: LockIn,
  events: readonly LockInEvent[],
): Promise<void> {
  await withWriteLock(db, () =>
    db.transaction().execute(async (trx) => {
      // `returning` rather than numUpdatedRows: the PGlite dialect does not report affected rows.
      const updated = await trx
        .updateTable('lock_in')
        .set(toRow(after))
        .where('lock_in_id', '=', before.id)
        .where('version', '=', before.version)
        .returning('lock_in_id')
        .execute();
      if (updated.length !== 1)
        throw new AppError(
          'conflict',
          'Someone else changed this lock-in just now. Reload it and try again.',
        );
      for (const e of events) await insertEvent(trx, e);
    }),
  );
}

/** One lock-in by id, or a not-found error. */
export async function loadLockIn(db: PrescriberDb, id: string): Promise<LockIn> {
  const row = await db.selectFrom('lock_in').selectAll().where('lock_in_id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No lock-in with this id.');
  return toLockIn(row);
}

/** Lock-ins in any of the states (all when none given), oldest proposal first. */
export async function listLockIns(db: PrescriberDb, states: readonly LockInState[] = []): Promise<LockIn[]> {
  let q = db.selectFrom('lock_in').selectAll().orderBy('proposed_on').orderBy('lock_in_id');
  if (states.length > 0) q = q.where('state', 'in', [...states]);
  return (await q.execute()).map(toLockIn);
}

/** Every lock-in of one member, newest first. */
export async function listMemberLockIns(db: PrescriberDb, memberId: string): Promise<LockIn[]> {
  const rows = await db
    .selectFrom('lock_in')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('proposed_on', 'desc')
    .execute();
  return rows.map(toLockIn);
}

/** The recorded history of one lock-in, in order. */
export async function listLockInEvents(db: PrescriberDb, id: string): Promise<LockInEvent[]> {
  const rows = await db
    .selectFrom('lock_in_event')
    .selectAll()
    .where('lock_in_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    lockInId: r.lock_in_id,
    kind: r.kind as LockInEvent['kind'],
    on: toDay(r.on_date),
    by: r.actor,
    fromState: r.from_state as LockInState | null,
    toState: r.to_state as LockInState,
    detail: r.detail,
  }));
}

/** A lock-in resolves to its member; the handler gets the lock-in it found. */
export const lockInResolver: ResourceResolver<{ memberId: string; lockIn: LockIn }> = {
  resourceType: 'LockIn',
  notFound: 'There is no such lock-in.',
  async resolve({ db }, id) {
    const lockIn = await loadLockIn(prescriberDb(db), id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    });
    return lockIn && { memberId: lockIn.memberId, lockIn };
  },
};
