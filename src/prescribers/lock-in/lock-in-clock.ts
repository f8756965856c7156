import { transitionLockIn } from './lock-in-machine.ts';
import type { LockIn, LockInCommand, LockInEvent, ReviewEvidence } from './lock-in-types.ts';

/** A new lock-in in `proposed`, with the event that records the proposal. */
export function proposeLockIn(
  id: string,
  memberId: string,
  evidence: ReviewEvidence,
  today: string,
  by: string,
): { lockIn: LockIn; event: LockInEvent } {
  const lockIn: LockIn = {
    id,
    memberId,
    state: 'proposed',
    evidence,
    proposedOn: today,
    scope: null,
    rationale: null,
    decidedOn: null,
    decidedBy: null,
    initialNoticeOn: null,
    responseDueOn: null,
    memberResponse: null,
    secondNoticeOn: null,
    pharmacyNpi: null,
    prescriberNpi: null,
    effectiveFrom: null,
    endsOn: null,
    extendedOn: null,
    appealFiledOn: null,
    appealFromState: null,
    appealDecidedOn: null,
    appealOutcome: null,
    closedOn: null,
    closeReason: null,
    version: 1,
  };
  const event: LockInEvent = {
    lockInId: id,
    kind: 'propose',
    on: today,
    by,
    fromState: null,
    toState: 'proposed',
    detail: { criteria: evidence.criteria.join(';'), asOf: evidence.asOf },
  };
  return { lockIn, event };
}

/** The time-based commands due on `today`: activation on the effective date, expiry after the last day. */
export function dueLockInCommands(lockIn: LockIn, today: string): LockInCommand[] {
  const due: LockInCommand[] = [];
  let state = lockIn.state;
  if (state === 'second_notice_sent' && lockIn.effectiveFrom !== null && lockIn.effectiveFrom <= today) {
    due.push({ kind: 'activate' });
    state = 'active';
  }
  if (
    (state === 'active' || state === 'extended' || state === 'appealed') &&
    lockIn.endsOn !== null &&
    lockIn.endsOn < today
  ) {
    due.push({ kind: 'expire' });
  }
  return due;
}

/** Applies every command due on `today`; a lock-in with nothing due comes back unchanged with no events. */
export function advanceLockIn(lockIn: LockIn, today: string): { lockIn: LockIn; events: LockInEvent[] } {
  let current = lockIn;
  const events: LockInEvent[] = [];
  for (const command of dueLockInCommands(lockIn, today)) {
    const step = transitionLockIn(current, command, today, 'system:daily-job');
    current = step.lockIn;
    events.push(step.event);
  }
  return { lockIn: current, events };
}

/** True when the limitation binds fills on `day`: confirmed, not closed, and `day` inside its period. */
export function isLockInInForce(lockIn: LockIn, day: string): boolean {
  const binding =
    lockIn.state === 'second_notice_sent' ||
    lockIn.state === 'active' ||
    lockIn.state === 'extended' ||
    lockIn.state === 'appealed';
  return (
    binding &&
    lockIn.effectiveFrom !== null &&
    lockIn.endsOn !== null &&
    lockIn.effectiveFrom <= day &&
    day <= lockIn.endsOn
  );
}
