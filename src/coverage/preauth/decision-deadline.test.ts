import { describe, expect, it } from 'vitest';
import { computeDueAt, readClock } from './decision-deadline.ts';
import { makeDetoxRequest } from './fixtures.ts';
import { applyAuthorizationAction, receiveAuthorization } from './transitions.ts';

const receive = (receivedAt: string, priority: 'standard' | 'expedited') =>
  receiveAuthorization({
    id: 'PA-9',
    request: makeDetoxRequest({ priority }),
    receivedAt,
    actor: 'facility:1',
  });

describe('computeDueAt', () => {
  it('gives an expedited request received Friday afternoon until Monday afternoon: 72 calendar hours', () => {
    // 2026-11-20 is a Friday.
    expect(computeDueAt('2026-11-20T16:30:00.000Z', 'expedited')).toBe('2026-11-23T16:30:00.000Z');
  });
  it('gives an expedited request received Saturday until Tuesday, weekend hours counted', () => {
    expect(computeDueAt('2026-11-21T09:00:00.000Z', 'expedited')).toBe('2026-11-24T09:00:00.000Z');
  });
  it('gives a standard request 7 calendar days', () => {
    expect(computeDueAt('2026-11-20T16:30:00.000Z', 'standard')).toBe('2026-11-27T16:30:00.000Z');
  });
  it('counts calendar hours across the end of daylight saving time', () => {
    // US clocks fell back on 2026-11-01; in UTC the window is still exactly 72 hours.
    expect(computeDueAt('2026-10-31T14:00:00.000Z', 'expedited')).toBe('2026-11-03T14:00:00.000Z');
  });
});

describe('readClock', () => {
  const friday = '2026-11-20T16:30:00.000Z';
  it('runs, turns due soon in the last fifth of the window, then overdue', () => {
    const a = receive(friday, 'expedited');
    expect(readClock(a, '2026-11-21T16:30:00.000Z')).toEqual({
      dueAt: a.dueAt,
      state: 'running',
      hoursLeft: 48,
    });
    expect(readClock(a, '2026-11-23T03:00:00.000Z').state).toBe('due-soon');
    expect(readClock(a, '2026-11-23T18:30:00.000Z')).toEqual({
      dueAt: a.dueAt,
      state: 'overdue',
      hoursLeft: -2,
    });
  });

  it('keeps running while the request is pended for information', () => {
    let a = receive(friday, 'standard');
    a = applyAuthorizationAction(a, { kind: 'start-review' }, '2026-11-21T10:00:00.000Z', 'um:1');
    a = applyAuthorizationAction(
      a,
      { kind: 'pend', informationRequested: 'The treatment plan, signed.' },
      '2026-11-21T11:00:00.000Z',
      'um:1',
    );
    expect(readClock(a, '2026-11-28T00:00:00.000Z').state).toBe('overdue');
  });

  it('stops at the decision: met when decided Monday morning on a Friday expedited request', () => {
    let a = receive(friday, 'expedited');
    a = applyAuthorizationAction(a, { kind: 'start-review' }, '2026-11-21T10:00:00.000Z', 'um:1');
    a = applyAuthorizationAction(a, { kind: 'approve' }, '2026-11-23T09:30:00.000Z', 'um:1');
    expect(readClock(a, '2026-12-31T00:00:00.000Z')).toEqual({ dueAt: a.dueAt, state: 'met', hoursLeft: 7 });
  });

  it('marks a decision after the deadline as missed', () => {
    let a = receive(friday, 'expedited');
    a = applyAuthorizationAction(a, { kind: 'start-review' }, '2026-11-23T10:00:00.000Z', 'um:1');
    a = applyAuthorizationAction(a, { kind: 'approve' }, '2026-11-23T17:00:00.000Z', 'um:1');
    expect(readClock(a, '2026-11-23T17:00:00.000Z').state).toBe('missed');
  });

  it('stops without a verdict when the request is withdrawn', () => {
    const a = applyAuthorizationAction(
      receive(friday, 'standard'),
      { kind: 'withdraw', reason: 'Member moved.' },
      '2026-11-21T10:00:00.000Z',
      'facility:1',
    );
    expect(readClock(a, '2026-12-31T00:00:00.000Z').state).toBe('stopped');
  });
});
