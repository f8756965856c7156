import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { advanceLockIn, isLockInInForce, proposeLockIn } from './lock-in-clock.ts';
import { transitionLockIn } from './lock-in-machine.ts';
import type { LockIn, LockInCommand, LockInState } from './lock-in-types.ts';

const evidence = {
  criteria: ['MME_AND_MULTIPLE_PROVIDERS' as const],
  averageDailyMmeW180: 120,
  prescribersW180: 3,
  pharmaciesW180: 4,
  asOf: '2026-01-31',
};

function proposed(): LockIn {
  return proposeLockIn('L1', 'M1', evidence, '2026-02-01', 'pharmacist').lockIn;
}

/** Walks a lock-in through the happy path and returns it in each state it reached. */
function walk(): Record<LockInState, LockIn> {
  const at: Partial<Record<LockInState, LockIn>> = {};
  let l = proposed();
  at.proposed = l;
  const step = (c: LockInCommand, day: string) => {
    l = transitionLockIn(l, c, day, 'pharmacist').lockIn;
    at[l.state] = l;
  };
  at.no_action = transitionLockIn(
    l,
    { kind: 'decide_no_action', rationale: 'tapering' },
    '2026-02-02',
    'p',
  ).lockIn;
  step({ kind: 'decide', scope: 'both', rationale: '5 prescribers, 120 MME' }, '2026-02-02');
  step({ kind: 'send_initial_notice' }, '2026-02-03');
  step(
    {
      kind: 'record_member_response',
      receivedOn: '2026-02-20',
      preferredPharmacyNpi: 'PH1',
      preferredPrescriberNpi: 'PR1',
    },
    '2026-02-21',
  );
  step({ kind: 'send_second_notice', effectiveFrom: '2026-03-01' }, '2026-02-22');
  step({ kind: 'activate' }, '2026-03-01');
  const active = l;
  step({ kind: 'extend', months: 6, rationale: 'still 4 prescribers' }, '2027-02-01');
  step({ kind: 'file_appeal', filedOn: '2027-02-10' }, '2027-02-11');
  at.expired = transitionLockIn(l, { kind: 'expire' }, '2027-09-01', 'system').lockIn;
  step(
    { kind: 'decide_appeal', outcome: 'overturned', rationale: 'new prescriber is MOUD program' },
    '2027-03-01',
  );
  at.active = active;
  return at as Record<LockInState, LockIn>;
}

describe('lock-in state machine', () => {
  it('carries a member from proposal through notices, activation, extension and appeal with dates', () => {
    const at = walk();
    expect(at.initial_notice_sent.responseDueOn).toBe('2026-03-05');
    expect(at.second_notice_sent).toMatchObject({
      pharmacyNpi: 'PH1',
      prescriberNpi: 'PR1',
      effectiveFrom: '2026-03-01',
      endsOn: '2027-02-28',
    });
    expect(at.extended.endsOn).toBe('2027-08-31');
    expect(at.appealed.appealFromState).toBe('extended');
    expect(at.expired).toMatchObject({ closedOn: '2027-09-01', closeReason: 'period ended' });
    expect(at.ended).toMatchObject({ appealOutcome: 'overturned', closedOn: '2027-03-01' });
    expect(at.no_action).toMatchObject({ closedOn: '2026-02-02', rationale: 'tapering' });
  });

  it('returns an upheld appeal to the state it interrupted', () => {
    const at = walk();
    const back = transitionLockIn(
      at.appealed,
      { kind: 'decide_appeal', outcome: 'upheld', rationale: 'criteria still met' },
      '2027-03-01',
      'p',
    ).lockIn;
    expect(back.state).toBe('extended');
  });

  it('records each step as an event with from and to states', () => {
    const { event } = transitionLockIn(
      proposed(),
      { kind: 'decide', scope: 'pharmacy', rationale: 'r' },
      '2026-02-02',
      'u7',
    );
    expect(event).toMatchObject({
      kind: 'decide',
      fromState: 'proposed',
      toState: 'decided',
      by: 'u7',
      on: '2026-02-02',
    });
  });

  const commands: LockInCommand[] = [
    { kind: 'decide', scope: 'pharmacy', rationale: 'r' },
    { kind: 'decide_no_action', rationale: 'r' },
    { kind: 'send_initial_notice' },
    { kind: 'record_member_response', receivedOn: '2026-01-01' },
    { kind: 'send_second_notice', effectiveFrom: '2030-01-01', pharmacyNpi: 'PH', prescriberNpi: 'PR' },
    { kind: 'activate' },
    { kind: 'extend', months: 3, rationale: 'r' },
    { kind: 'file_appeal', filedOn: '2026-01-01' },
    { kind: 'decide_appeal', outcome: 'upheld', rationale: 'r' },
    { kind: 'expire' },
    { kind: 'end', reason: 'r' },
  ];
  const legal: Record<LockInState, ReadonlyArray<LockInCommand['kind']>> = {
    proposed: ['decide', 'decide_no_action', 'end'],
    no_action: [],
    decided: ['send_initial_notice', 'end'],
    initial_notice_sent: ['record_member_response', 'send_second_notice', 'end'],
    second_notice_sent: ['activate', 'file_appeal', 'end'],
    active: ['extend', 'file_appeal', 'expire', 'end'],
    extended: ['file_appeal', 'expire', 'end'],
    appealed: ['decide_appeal', 'expire', 'end'],
    expired: [],
    ended: [],
  };

  for (const [state, allowed] of Object.entries(legal) as Array<[LockInState, LockInCommand['kind'][]]>) {
    for (const command of commands.filter((c) => !allowed.includes(c.kind))) {
      it(`refuses ${command.kind} on a ${state} lock-in with a clear error and changes nothing`, () => {
        const before = walk()[state];
        const snapshot = structuredClone(before);
        let caught: unknown;
        try {
          transitionLockIn(before, command, '2030-06-01', 'p');
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(AppError);
        expect((caught as AppError).code).toBe('conflict');
        expect((caught as AppError).message).toMatch(/^Cannot /);
        expect(before).toEqual(snapshot);
      });
    }
  }

  it('refuses the second notice while the member still has time to respond', () => {
    const at = walk();
    const noResponse = { ...at.initial_notice_sent, memberResponse: null };
    expect(() =>
      transitionLockIn(
        noResponse,
        { kind: 'send_second_notice', effectiveFrom: '2026-03-10', pharmacyNpi: 'P', prescriberNpi: 'Q' },
        '2026-03-05',
        'p',
      ),
    ).toThrow('the member has until 2026-03-05 to respond');
    const after = transitionLockIn(
      noResponse,
      { kind: 'send_second_notice', effectiveFrom: '2026-03-10', pharmacyNpi: 'P', prescriberNpi: 'Q' },
      '2026-03-06',
      'p',
    ).lockIn;
    expect(after.state).toBe('second_notice_sent');
  });

  it('refuses a pharmacy lock-in with no pharmacy named', () => {
    const l = transitionLockIn(
      transitionLockIn(proposed(), { kind: 'decide', scope: 'pharmacy', rationale: 'r' }, '2026-02-02', 'p')
        .lockIn,
      { kind: 'send_initial_notice' },
      '2026-02-02',
      'p',
    ).lockIn;
    expect(() =>
      transitionLockIn(l, { kind: 'send_second_notice', effectiveFrom: '2026-04-01' }, '2026-03-10', 'p'),
    ).toThrow('needs the pharmacy');
  });

  it('refuses a second extension and an extension longer than 12 months', () => {
    const at = walk();
    expect(() =>
      transitionLockIn(at.active, { kind: 'extend', months: 13, rationale: 'r' }, '2026-06-01', 'p'),
    ).toThrow('1 to 12 months');
    expect(() =>
      transitionLockIn(at.extended, { kind: 'extend', months: 1, rationale: 'r' }, '2027-03-01', 'p'),
    ).toThrow(/^Cannot extend/);
  });

  it('refuses a decision without a rationale', () => {
    expect(() =>
      transitionLockIn(proposed(), { kind: 'decide', scope: 'both', rationale: '  ' }, '2026-02-02', 'p'),
    ).toThrow('A rationale is required');
  });
});

describe('lock-in clock', () => {
  it('activates on the effective date and expires the day after the period, once', () => {
    const at = walk();
    const early = advanceLockIn(at.second_notice_sent, '2026-02-28');
    expect(early.events).toEqual([]);
    expect(early.lockIn).toBe(at.second_notice_sent);
    const on = advanceLockIn(at.second_notice_sent, '2026-03-01');
    expect(on.lockIn.state).toBe('active');
    expect(advanceLockIn(on.lockIn, '2026-03-01').events).toEqual([]);
    expect(advanceLockIn(on.lockIn, '2027-02-28').lockIn.state).toBe('active');
    const late = advanceLockIn(at.second_notice_sent, '2027-03-01');
    expect(late.events.map((e) => e.kind)).toEqual(['activate', 'expire']);
    expect(late.lockIn).toMatchObject({ state: 'expired', closedOn: '2027-03-01' });
  });

  it('binds fills only inside the period of a confirmed lock-in', () => {
    const at = walk();
    expect(isLockInInForce(at.decided, '2026-03-01')).toBe(false);
    expect(isLockInInForce(at.second_notice_sent, '2026-02-28')).toBe(false);
    expect(isLockInInForce(at.second_notice_sent, '2026-03-01')).toBe(true);
    expect(isLockInInForce(at.appealed, '2027-03-01')).toBe(true);
    expect(isLockInInForce(at.ended, '2027-03-01')).toBe(false);
  });
});
