/** The case lifecycle: new → outreach → engaged → in treatment → aftercare → closed (with a reason). */
export const caseStages = ['new', 'outreach', 'engaged', 'in_treatment', 'aftercare', 'closed'] as const;
export type CaseStage = (typeof caseStages)[number];

export const attemptChannels = ['phone', 'text', 'email', 'letter', 'in_person'] as const;
export type AttemptChannel = (typeof attemptChannels)[number];

export const attemptOutcomes = [
  'reached',
  'voicemail',
  'no_answer',
  'wrong_number',
  'declined',
  'call_back',
  'deceased',
] as const;
export type AttemptOutcome = (typeof attemptOutcomes)[number];

export const referralStatuses = ['proposed', 'accepted', 'scheduled', 'attended', 'declined'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Close reasons as people say them, and as `outreach_case.close_reason` stores them. */
export const closeReasons = [
  'engaged_in_treatment',
  'declined',
  'unreachable',
  'not_eligible',
  'deceased',
  'completed',
  'moved',
] as const;
export type CloseReason = (typeof closeReasons)[number];
export type StoredCloseReason =
  | 'engaged'
  | 'declined'
  | 'unreachable'
  | 'ineligible'
  | 'deceased'
  | 'completed'
  | 'moved'
  | 'other';

const storedReason: Record<CloseReason, StoredCloseReason> = {
  engaged_in_treatment: 'engaged',
  declined: 'declined',
  unreachable: 'unreachable',
  not_eligible: 'ineligible',
  deceased: 'deceased',
  completed: 'completed',
  moved: 'moved',
};

/** The stored form of a close reason (`declined` is what suppresses re-identification, RISK-RULES §7). */
export function toStoredCloseReason(reason: CloseReason): StoredCloseReason {
  return storedReason[reason];
}

/** Outcomes where nobody was reached: three of them in a row propose a letter. */
const failedOutcomes: ReadonlySet<AttemptOutcome> = new Set(['voicemail', 'no_answer', 'wrong_number']);

/** Whether an attempt failed to reach the member. */
export function isFailedAttempt(outcome: AttemptOutcome): boolean {
  return failedOutcomes.has(outcome);
}

const stageOrder: Record<CaseStage, number> = {
  new: 0,
  outreach: 1,
  engaged: 2,
  in_treatment: 3,
  aftercare: 4,
  closed: 5,
};

/** Moves forward only: a later event never sends a case back to an earlier stage. */
function forward(current: CaseStage, next: CaseStage): CaseStage {
  return stageOrder[next] > stageOrder[current] ? next : current;
}

export type StageChange = { kind: 'stage'; stage: CaseStage } | { kind: 'close'; reason: CloseReason };

/**
 * What an attempt does to the case: any attempt starts outreach; reaching the member with
 * a referral they accept engages them; a decline or a death closes the case.
 */
export function stageAfterAttempt(
  current: CaseStage,
  outcome: AttemptOutcome,
  referralAccepted: boolean,
): StageChange {
  if (current === 'closed') return { kind: 'stage', stage: 'closed' };
  if (outcome === 'declined') return { kind: 'close', reason: 'declined' };
  if (outcome === 'deceased') return { kind: 'close', reason: 'deceased' };
  if (outcome === 'reached' && referralAccepted) return { kind: 'stage', stage: forward(current, 'engaged') };
  return { kind: 'stage', stage: forward(current, 'outreach') };
}

/** What a referral's new status does to the case: accepted or scheduled engages; attended is treatment. */
export function stageAfterReferral(current: CaseStage, status: ReferralStatus): CaseStage {
  if (current === 'closed') return current;
  if (status === 'attended') return forward(current, 'in_treatment');
  if (status === 'accepted' || status === 'scheduled') return forward(current, 'engaged');
  return current;
}

/** Referral statuses a referral may move to from its current one. */
export function allowedReferralStatuses(current: ReferralStatus): ReferralStatus[] {
  switch (current) {
    case 'proposed':
      return ['accepted', 'scheduled', 'declined'];
    case 'accepted':
      return ['scheduled', 'attended', 'declined'];
    case 'scheduled':
      return ['attended', 'declined', 'accepted'];
    default:
      return [];
  }
}

export type NextAction =
  | { kind: 'call'; reason: string }
  | { kind: 'letter'; reason: string }
  | { kind: 'none'; reason: string };

/**
 * What to propose after the attempts so far (oldest first): after three failed attempts
 * in a row, a letter to the member; otherwise another call unless the case ended.
 */
export function proposeNextAction(outcomes: readonly AttemptOutcome[]): NextAction {
  const last = outcomes.at(-1);
  if (last === 'declined' || last === 'deceased') return { kind: 'none', reason: 'The case is closed.' };
  if (last === 'reached')
    return { kind: 'none', reason: 'The member was reached; follow the agreed next step.' };
  let failedInRow = 0;
  for (let i = outcomes.length - 1; i >= 0 && isFailedAttempt(outcomes[i]!); i -= 1) failedInRow += 1;
  if (failedInRow >= 3)
    return { kind: 'letter', reason: `${failedInRow} attempts without reaching the member: send a letter.` };
  if (last === 'call_back') return { kind: 'call', reason: 'Call back at the time the member asked.' };
  return {
    kind: 'call',
    reason: outcomes.length === 0 ? 'First attempt.' : 'Try again at another time of day.',
  };
}
