import { addDays, addMonths, daysBetween } from '../../platform/calendar/iso-days.ts';
import { AppError } from '../../platform/errors.ts';
import type { LockIn, LockInCommand, LockInEvent, LockInState } from './lock-in-types.ts';

/** Days the member has to respond to the initial notice (RISK-RULES §9). */
export const responseDays = 30;
/** Length of a limitation and the most one extension may add (RISK-RULES §9). */
export const periodMonths = 12;

type Kind = LockInCommand['kind'];

/** Where each command may start, and how to say it in an error. */
const allowedFrom: Record<Kind, { from: readonly LockInState[]; doing: string; needs: string }> = {
  decide: { from: ['proposed'], doing: 'decide a limitation', needs: 'a proposed lock-in' },
  decide_no_action: { from: ['proposed'], doing: 'decide no action', needs: 'a proposed lock-in' },
  send_initial_notice: {
    from: ['decided'],
    doing: 'send the initial notice',
    needs: 'a decided limitation',
  },
  record_member_response: {
    from: ['initial_notice_sent'],
    doing: "record the member's response",
    needs: 'an initial notice awaiting a response',
  },
  send_second_notice: {
    from: ['initial_notice_sent'],
    doing: 'send the second notice',
    needs: 'an initial notice already sent',
  },
  activate: { from: ['second_notice_sent'], doing: 'activate', needs: 'a second notice already sent' },
  extend: { from: ['active'], doing: 'extend', needs: 'an active lock-in that was never extended' },
  file_appeal: {
    from: ['second_notice_sent', 'active', 'extended'],
    doing: 'file an appeal',
    needs: 'a confirmed limitation (second notice sent, active or extended)',
  },
  decide_appeal: { from: ['appealed'], doing: 'decide the appeal', needs: 'an appeal on file' },
  expire: { from: ['active', 'extended', 'appealed'], doing: 'expire', needs: 'a lock-in in force' },
  end: {
    from: [
      'proposed',
      'decided',
      'initial_notice_sent',
      'second_notice_sent',
      'active',
      'extended',
      'appealed',
    ],
    doing: 'end',
    needs: 'a lock-in that is still open',
  },
};

const stateWords: Record<LockInState, string> = {
  proposed: 'proposed',
  no_action: 'closed with no action',
  decided: 'decided',
  initial_notice_sent: 'waiting for the member after the initial notice',
  second_notice_sent: 'confirmed by the second notice',
  active: 'active',
  extended: 'extended',
  appealed: 'under appeal',
  expired: 'expired',
  ended: 'ended',
};

function refuse(message: string, path = 'kind'): never {
  throw new AppError('conflict', message, [{ path, message }]);
}

function requireText(value: string, path: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed === '')
    throw new AppError('validation_failed', `${what} is required.`, [{ path, message: 'required' }]);
  return trimmed;
}

/**
 * Applies one command to a lock-in on `today` and returns the new lock-in with the event
 * that records it; an illegal command throws an AppError and the input is left unchanged.
 */
export function transitionLockIn(
  lockIn: LockIn,
  command: LockInCommand,
  today: string,
  by: string,
): { lockIn: LockIn; event: LockInEvent } {
  const rule = allowedFrom[command.kind];
  if (!rule.from.includes(lockIn.state)) {
    refuse(`Cannot ${rule.doing}: this lock-in is ${stateWords[lockIn.state]}; that needs ${rule.needs}.`);
  }
  const next: LockIn = { ...lockIn, version: lockIn.version + 1 };
  const detail: LockInEvent['detail'] = {};
  applyCommand(next, command, today, by, detail);
  const event: LockInEvent = {
    lockInId: lockIn.id,
    kind: command.kind,
    on: today,
    by,
    fromState: lockIn.state,
    toState: next.state,
    detail,
  };
  return { lockIn: next, event };
}

function applyCommand(
  next: LockIn,
  command: LockInCommand,
  today: string,
  by: string,
  detail: LockInEvent['detail'],
): void {
  switch (command.kind) {
    case 'decide':
      next.state = 'decided';
      next.scope = command.scope;
      next.rationale = requireText(command.rationale, 'rationale', 'A rationale');
      next.decidedOn = today;
      next.decidedBy = by;
      detail.scope = command.scope;
      detail.rationale = next.rationale;
      return;
    case 'decide_no_action':
      next.state = 'no_action';
      next.rationale = requireText(command.rationale, 'rationale', 'A rationale');
      next.decidedOn = today;
      next.decidedBy = by;
      next.closedOn = today;
      next.closeReason = 'no action';
      detail.rationale = next.rationale;
      return;
    case 'send_initial_notice':
      next.state = 'initial_notice_sent';
      next.initialNoticeOn = today;
      next.responseDueOn = addDays(today, responseDays);
      detail.responseDueOn = next.responseDueOn;
      return;
    case 'record_member_response':
      recordResponse(next, command, today, detail);
      return;
    case 'send_second_notice':
      sendSecondNotice(next, command, today, detail);
      return;
    case 'activate':
      if (next.effectiveFrom === null || today < next.effectiveFrom)
        refuse(`Cannot activate before the effective date ${next.effectiveFrom}.`, 'today');
      next.state = 'active';
      detail.effectiveFrom = next.effectiveFrom;
      return;
    case 'extend':
      extend(next, command, today, detail);
      return;
    case 'file_appeal':
      if (command.filedOn > today) refuse('An appeal cannot be filed in the future.', 'filedOn');
      next.appealFromState = next.state;
      next.state = 'appealed';
      next.appealFiledOn = command.filedOn;
      detail.filedOn = command.filedOn;
      return;
    case 'decide_appeal': {
      const rationale = requireText(command.rationale, 'rationale', 'A rationale');
      next.appealOutcome = command.outcome;
      next.appealDecidedOn = today;
      detail.outcome = command.outcome;
      detail.rationale = rationale;
      if (command.outcome === 'overturned') {
        next.state = 'ended';
        next.closedOn = today;
        next.closeReason = 'appeal overturned the limitation';
      } else {
        next.state = next.appealFromState ?? 'active';
      }
      return;
    }
    case 'expire':
      if (next.endsOn === null || today <= next.endsOn)
        refuse(`Cannot expire before the period ends on ${next.endsOn}.`, 'today');
      next.state = 'expired';
      next.closedOn = addDays(next.endsOn, 1);
      next.closeReason = 'period ended';
      detail.endsOn = next.endsOn;
      return;
    case 'end':
      next.state = 'ended';
      next.closedOn = today;
      next.closeReason = requireText(command.reason, 'reason', 'A reason');
      detail.reason = next.closeReason;
      return;
  }
}

function recordResponse(
  next: LockIn,
  command: Extract<LockInCommand, { kind: 'record_member_response' }>,
  today: string,
  detail: LockInEvent['detail'],
): void {
  if (command.receivedOn > today) refuse('A response cannot be received in the future.', 'receivedOn');
  if (next.initialNoticeOn !== null && command.receivedOn < next.initialNoticeOn)
    refuse('A response cannot arrive before the initial notice was sent.', 'receivedOn');
  next.memberResponse = {
    receivedOn: command.receivedOn,
    preferredPharmacyNpi: command.preferredPharmacyNpi ?? null,
    preferredPrescriberNpi: command.preferredPrescriberNpi ?? null,
    note: command.note ?? null,
  };
  detail.receivedOn = command.receivedOn;
  detail.preferredPharmacyNpi = next.memberResponse.preferredPharmacyNpi;
  detail.preferredPrescriberNpi = next.memberResponse.preferredPrescriberNpi;
}

function sendSecondNotice(
  next: LockIn,
  command: Extract<LockInCommand, { kind: 'send_second_notice' }>,
  today: string,
  detail: LockInEvent['detail'],
): void {
  // The member keeps the full 30 days unless they have already answered.
  if (next.memberResponse === null && next.responseDueOn !== null && today <= next.responseDueOn)
    refuse(
      `Cannot send the second notice yet: the member has until ${next.responseDueOn} to respond.`,
      'today',
    );
  if (command.effectiveFrom < today) refuse('The effective date cannot be in the past.', 'effectiveFrom');
  const pharmacyNpi = command.pharmacyNpi ?? next.memberResponse?.preferredPharmacyNpi ?? null;
  const prescriberNpi = command.prescriberNpi ?? next.memberResponse?.preferredPrescriberNpi ?? null;
  if (next.scope !== 'prescriber' && pharmacyNpi === null)
    refuse('A pharmacy lock-in needs the pharmacy: name it or record the member’s choice.', 'pharmacyNpi');
  if (next.scope !== 'pharmacy' && prescriberNpi === null)
    refuse(
      'A prescriber lock-in needs the prescriber: name it or record the member’s choice.',
      'prescriberNpi',
    );
  next.state = 'second_notice_sent';
  next.secondNoticeOn = today;
  next.pharmacyNpi = next.scope === 'prescriber' ? null : pharmacyNpi;
  next.prescriberNpi = next.scope === 'pharmacy' ? null : prescriberNpi;
  next.effectiveFrom = command.effectiveFrom;
  next.endsOn = addDays(addMonths(command.effectiveFrom, periodMonths), -1);
  detail.effectiveFrom = next.effectiveFrom;
  detail.endsOn = next.endsOn;
  detail.pharmacyNpi = next.pharmacyNpi;
  detail.prescriberNpi = next.prescriberNpi;
}

function extend(
  next: LockIn,
  command: Extract<LockInCommand, { kind: 'extend' }>,
  today: string,
  detail: LockInEvent['detail'],
): void {
  if (next.extendedOn !== null)
    refuse('This lock-in was already extended once; it cannot be extended again.');
  if (!Number.isInteger(command.months) || command.months < 1 || command.months > periodMonths)
    throw new AppError('validation_failed', `An extension is 1 to ${periodMonths} months.`, [
      { path: 'months', message: `must be a whole number from 1 to ${periodMonths}` },
    ]);
  if (next.endsOn === null || daysBetween(today, next.endsOn) < 0)
    refuse('The period has already ended; it cannot be extended.', 'today');
  const rationale = requireText(command.rationale, 'rationale', 'A rationale');
  const previousEnd = next.endsOn;
  next.state = 'extended';
  next.extendedOn = today;
  next.endsOn = addDays(addMonths(addDays(previousEnd, 1), command.months), -1);
  detail.previousEndsOn = previousEnd;
  detail.endsOn = next.endsOn;
  detail.months = command.months;
  detail.rationale = rationale;
}
