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
    refused: 'Link refused',
    superseded: 'Replaced by a later run',
  };
  return words[kind] ?? kind.replaceAll('_', ' ');
}

/** A lock-in event kind in plain words. */
export function describeLockInEvent(kind: string): string {
  return kind.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());
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
