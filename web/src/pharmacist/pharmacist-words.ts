import type { CodeInfo } from '../ui/codes.ts';
import type { LetterStatus, LockInScope, LockInState } from './pharmacist-api.ts';

/** Plain names for lock-in states (RISK-RULES §9). */
export const lockInStateLabels: Record<LockInState, string> = {
  proposed: 'Proposed for review',
  no_action: 'No action',
  decided: 'Decided',
  initial_notice_sent: 'Initial notice sent',
  second_notice_sent: 'Second notice sent',
  active: 'Active',
  extended: 'Extended',
  appealed: 'Under appeal',
  expired: 'Expired',
  ended: 'Ended',
};

/** What a lock-in limits. */
export const scopeLabels: Record<LockInScope, string> = {
  pharmacy: 'One pharmacy',
  prescriber: 'One prescriber',
  both: 'One pharmacy and one prescriber',
};

export const letterStatusLabels: Record<LetterStatus, string> = {
  generated: 'Ready to send',
  sent: 'Sent',
  superseded: 'Replaced by a later run',
};

/** Delivery and lifecycle events of a letter, in plain words. */
export function describeLetterEvent(kind: string): string {
  const words: Record<string, string> = {
    generated: 'Generated',
    sent: 'Sent (secure link)',
    opened: 'Link opened by the prescriber',
    downloaded: 'Downloaded by the prescriber',
    download_refused: 'Download refused (link used, expired or withdrawn)',
    superseded: 'Replaced by a later run',
  };
  return words[kind] ?? kind.replaceAll('_', ' ');
}

/** A lock-in event kind in plain words. */
export function describeLockInEvent(kind: string): string {
  const words: Record<string, string> = {
    propose: 'Proposed for review',
    decide: 'Decided',
    decide_no_action: 'Decided: no action',
    send_initial_notice: 'Initial notice sent',
    record_member_response: "Member's response recorded",
    send_second_notice: 'Second notice sent',
    activate: 'Limitation started',
    extend: 'Extended',
    file_appeal: 'Appeal filed',
    decide_appeal: 'Appeal decided',
    expire: 'Expired',
    end: 'Ended',
  };
  return words[kind] ?? kind.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());
}

/** "1 member", "2 members". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** Who did something: "you" for the signed-in user, otherwise the recorded user id. */
export function actorName(actor: string | null, me: { userId: string }): string {
  if (!actor) return '—';
  return actor === me.userId ? 'you' : actor.startsWith('client:') ? 'pharmacy system' : actor;
}

/** States in which a lock-in is still open (not closed for good). */
export const openLockInStates: readonly LockInState[] = [
  'proposed',
  'decided',
  'initial_notice_sent',
  'second_notice_sent',
  'active',
  'extended',
  'appealed',
];

/** The RISK-RULES §9 criteria a lock-in candidate meets, explained like the risk factors. */
export const lockInCriteriaInfo: Record<string, CodeInfo> = {
  MME_AND_MULTIPLE_PROVIDERS: {
    label: 'High MME with many prescribers',
    rule: 'Average daily MME of 90 or more over the last 180 days, and 3 or more prescribers and 3 or more pharmacies (or 5 or more prescribers).',
    section: 'RISK-RULES §9 (a)',
  },
  OVERDOSE_HISTORY_WITH_OPIOID: {
    label: 'Overdose history with an opioid fill',
    rule: 'An opioid overdose code in the last 365 days and an opioid fill in the last 180 days.',
    section: 'RISK-RULES §9 (b)',
  },
};
