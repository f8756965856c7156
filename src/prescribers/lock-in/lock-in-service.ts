import { randomUUID } from 'node:crypto';
import { advanceLockIn, proposeLockIn } from './lock-in-clock.ts';
import { transitionLockIn } from './lock-in-machine.ts';
import { insertLockIn, listLockIns, loadLockIn, type PrescriberDb, saveTransition } from './lock-in-store.ts';
import type { LockIn, LockInCommand, ReviewEvidence } from './lock-in-types.ts';

/** Called after any lock-in changes, so the pharmacy check's index can follow. */
export type LockInListener = (lockIn: LockIn) => void;

/** Records a new proposal for a review candidate. */
export async function createLockInProposal(
  db: PrescriberDb,
  memberId: string,
  evidence: ReviewEvidence,
  today: string,
  by: string,
): Promise<LockIn> {
  const { lockIn, event } = proposeLockIn(randomUUID(), memberId, evidence, today, by);
  await insertLockIn(db, lockIn, event);
  return lockIn;
}

/** Loads a lock-in, applies one command, and stores the result and its event, or changes nothing. */
export async function applyLockInCommand(
  db: PrescriberDb,
  id: string,
  command: LockInCommand,
  today: string,
  by: string,
  onChange?: LockInListener,
): Promise<LockIn> {
  const before = await loadLockIn(db, id);
  const { lockIn, event } = transitionLockIn(before, command, today, by);
  await saveTransition(db, before, lockIn, [event]);
  onChange?.(lockIn);
  return lockIn;
}

export interface DailyJobResult {
  today: string;
  examined: number;
  activated: number;
  expired: number;
}

/**
 * Advances every lock-in whose dates have come: activation on the effective date, expiry
 * after the last day. Running it again on the same day finds nothing to do.
 */
export async function runLockInDailyJob(
  db: PrescriberDb,
  today: string,
  onChange?: LockInListener,
): Promise<DailyJobResult> {
  const open = await listLockIns(db, ['second_notice_sent', 'active', 'extended', 'appealed']);
  const result: DailyJobResult = { today, examined: open.length, activated: 0, expired: 0 };
  for (const before of open) {
    const { lockIn, events } = advanceLockIn(before, today);
    if (events.length === 0) continue;
    await saveTransition(db, before, lockIn, events);
    for (const e of events) {
      if (e.kind === 'activate') result.activated++;
      if (e.kind === 'expire') result.expired++;
    }
    onChange?.(lockIn);
  }
  return result;
}
