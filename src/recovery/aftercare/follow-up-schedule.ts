import { addDays } from '../../platform/calendar/iso-days.ts';

/** The contacts after discharge from a level of care: the warm hand-off, then 7, 30 and 90 days. */
export const followUpKinds = ['warm_handoff', 'day_7', 'day_30', 'day_90'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

export const followUpLabels: Record<FollowUpKind, string> = {
  warm_handoff: 'Warm hand-off to the next provider',
  day_7: '7-day follow-up',
  day_30: '30-day follow-up',
  day_90: '90-day follow-up',
};

/** Days after discharge each follow-up contact is due (HEDIS FUA/FUM count 7 and 30). */
const daysAfterDischarge = { day_7: 7, day_30: 30, day_90: 90 } as const;

/** What is due when: the hand-off on the day agreed with the receiving provider, the rest counted from discharge. */
export function followUpSchedule(
  dischargedOn: string,
  handoffOn: string,
): { kind: FollowUpKind; dueOn: string }[] {
  return [
    { kind: 'warm_handoff', dueOn: handoffOn },
    ...Object.entries(daysAfterDischarge).map(([kind, days]) => ({
      kind: kind as FollowUpKind,
      dueOn: addDays(dischargedOn, days),
    })),
  ];
}

export const followUpOutcomes = ['reached', 'not_reached', 'handoff_confirmed', 'handoff_missed'] as const;
export type FollowUpOutcome = (typeof followUpOutcomes)[number];

/** A hand-off is confirmed or missed; a follow-up call reaches the member or not. */
export function outcomeFits(kind: FollowUpKind, outcome: FollowUpOutcome): boolean {
  return kind === 'warm_handoff'
    ? outcome === 'handoff_confirmed' || outcome === 'handoff_missed'
    : outcome === 'reached' || outcome === 'not_reached';
}
