import type { Authorization } from './authorization.ts';

const hour = 3_600_000;

/**
 * Decision windows from receipt, in calendar hours (weekends and holidays count):
 * 72 hours expedited, 7 calendar days standard (CMS-0057-F, from 1 January 2026).
 */
export const decisionWindowHours = { expedited: 72, standard: 7 * 24 } as const;

/** When a decision is due: receipt plus the window for its priority, as an ISO instant. */
export function computeDueAt(receivedAt: string, priority: 'standard' | 'expedited'): string {
  return new Date(Date.parse(receivedAt) + decisionWindowHours[priority] * hour).toISOString();
}

export type ClockState = 'running' | 'due-soon' | 'overdue' | 'met' | 'missed' | 'stopped';

export interface DecisionClock {
  dueAt: string;
  state: ClockState;
  /** Hours left (negative when overdue); for a decided request, hours to spare at decision. */
  hoursLeft: number;
}

/**
 * The clock on a request at `now`: running until a decision; due soon in the last
 * fifth of its window; overdue after it. A decision stops it as met or missed; a
 * withdrawal stops it. Pending for information does not stop the clock.
 */
export function readClock(authorization: Authorization, now: string): DecisionClock {
  const due = Date.parse(authorization.dueAt);
  const round = (ms: number) => Math.round((ms / hour) * 10) / 10;
  if (authorization.status === 'withdrawn')
    return { dueAt: authorization.dueAt, state: 'stopped', hoursLeft: 0 };
  if (authorization.decision) {
    const spare = due - Date.parse(authorization.decision.decidedAt);
    return { dueAt: authorization.dueAt, state: spare >= 0 ? 'met' : 'missed', hoursLeft: round(spare) };
  }
  const left = due - Date.parse(now);
  const window = decisionWindowHours[authorization.priority] * hour;
  const state: ClockState = left < 0 ? 'overdue' : left <= window / 5 ? 'due-soon' : 'running';
  return { dueAt: authorization.dueAt, state, hoursLeft: round(left) };
}
