import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import type { Authorization } from './authorization.ts';
import { makeDetoxRequest } from './fixtures.ts';
import {
  type AuthorizationAction,
  allowedFrom,
  applyAuthorizationAction,
  receiveAuthorization,
} from './transitions.ts';

const t0 = '2026-11-20T15:00:00.000Z';
const received = (request = makeDetoxRequest()) =>
  receiveAuthorization({ id: 'PA-1', request, receivedAt: t0, actor: 'facility:staff1' });
const step = (a: Authorization, action: AuthorizationAction, at = '2026-11-21T10:00:00.000Z') =>
  applyAuthorizationAction(a, action, at, 'um:reviewer1');
const inReview = () => step(received(), { kind: 'start-review' });
const pended = () => step(inReview(), { kind: 'pend', informationRequested: 'Send the COWS score sheet.' });
const deny: AuthorizationAction = {
  kind: 'deny',
  reasonCode: 'insufficient-information',
  reason: 'The COWS score sheet asked for on 21 November was not sent.',
};

const every: Record<AuthorizationAction['kind'], AuthorizationAction> = {
  'start-review': { kind: 'start-review' },
  pend: { kind: 'pend', informationRequested: 'Send the COWS score sheet.' },
  'provide-information': { kind: 'provide-information', information: 'COWS 14 on 19 Nov, sheet attached.' },
  approve: { kind: 'approve' },
  'partially-approve': {
    kind: 'partially-approve',
    approvedUnits: [3],
    reason: 'Three days first; concurrent review on day 3.',
  },
  deny,
  withdraw: { kind: 'withdraw', reason: 'Member chose another program.' },
};
const states: Record<string, () => Authorization> = {
  submitted: received,
  in_review: inReview,
  pended,
  approved: () => step(inReview(), every.approve),
  partially_approved: () => step(inReview(), every['partially-approve']),
  denied: () => step(inReview(), deny),
  withdrawn: () => step(received(), every.withdraw),
};

describe('receiveAuthorization', () => {
  it('starts submitted, with a receipt notice to the facility and a history entry', () => {
    const a = received();
    expect(a.status).toBe('submitted');
    expect(a.history).toEqual([expect.objectContaining({ action: 'submit', to: 'submitted', at: t0 })]);
    expect(a.notifications).toEqual([expect.objectContaining({ recipient: 'facility', kind: 'received' })]);
  });
});

describe('applyAuthorizationAction: every state × every action', () => {
  for (const [state, make] of Object.entries(states))
    for (const action of Object.values(every)) {
      const legal = (allowedFrom[action.kind] as readonly string[]).includes(state);
      it(`${legal ? 'allows' : 'refuses'} ${action.kind} from ${state}`, () => {
        const before = make();
        const snapshot = structuredClone(before);
        if (legal) {
          const after = step(before, action);
          expect(after.history.at(-1)).toMatchObject({ action: action.kind, from: state });
          expect(after.history).toHaveLength(before.history.length + 1);
        } else {
          expect(() => step(before, action)).toThrow(AppError);
          try {
            step(before, action);
          } catch (error) {
            expect((error as AppError).code).toBe('conflict');
            expect((error as AppError).message).toMatch(/^Cannot .* a request that is /);
          }
        }
        expect(before).toEqual(snapshot);
      });
    }
});

describe('decisions', () => {
  it('approves every unit requested, records criteria and notifies member and facility', () => {
    const a = step(inReview(), every.approve);
    expect(a.status).toBe('approved');
    expect(a.decision).toMatchObject({ outcome: 'approved', approvedUnits: [5], decidedBy: 'um:reviewer1' });
    expect(a.decision?.criteria.every((c) => c.result === 'met')).toBe(true);
    expect(a.notifications.slice(-2).map((n) => n.recipient)).toEqual(['facility', 'member']);
    expect(a.notifications.at(-1)?.message).toContain('approved: 5 of 5 units');
  });

  it('partially approves fewer units with a reason and tells the member they can appeal', () => {
    const a = step(inReview(), every['partially-approve']);
    expect(a.decision).toMatchObject({ outcome: 'partially_approved', approvedUnits: [3] });
    expect(a.notifications.at(-1)?.message).toContain('appeal');
  });

  it('refuses a partial approval of all or none of the units', () => {
    const review = inReview();
    for (const approvedUnits of [[5], [0], [6]])
      expect(() =>
        step(review, { ...every['partially-approve'], approvedUnits } as AuthorizationAction),
      ).toThrow(/approve instead|denial|from 0 to/);
  });

  it('refuses a denial without a specific reason, and leaves the request in review', () => {
    const review = inReview();
    expect(() =>
      step(review, { kind: 'deny', reasonCode: 'medical-necessity-not-met', reason: 'No.' }),
    ).toThrow('specific reason');
    expect(review.status).toBe('in_review');
  });

  it('requires a medical-necessity denial to name criteria that were actually missed', () => {
    const weak = receiveAuthorization({
      id: 'PA-2',
      request: makeDetoxRequest({
        assessment: { ...makeDetoxRequest().assessment, withdrawalScore: { scale: 'COWS', value: 30 } },
      }),
      receivedAt: t0,
      actor: 'facility:staff1',
    });
    const review = step(weak, { kind: 'start-review' });
    const base = {
      kind: 'deny',
      reasonCode: 'medical-necessity-not-met',
      reason: 'COWS 30 is severe withdrawal: ambulatory care is not safe; inpatient care is advised.',
    } as const;
    expect(() => step(review, { ...base, criteriaMissed: ['diagnosis'] })).toThrow('withdrawal-severity');
    const denied = step(review, { ...base, criteriaMissed: ['withdrawal-severity'] });
    expect(denied.decision?.criteria.find((c) => c.id === 'withdrawal-severity')).toMatchObject({
      result: 'missed',
    });
    expect(denied.notifications.at(-1)?.message).toContain('COWS 30 is severe withdrawal');
  });

  it('denies a pended request whose information never came', () => {
    expect(step(pended(), deny).status).toBe('denied');
  });
});

describe('pending for information', () => {
  it('notifies the facility what is needed, and returns to review when it arrives', () => {
    const p = pended();
    expect(p.notifications.slice(-2)).toEqual([
      expect.objectContaining({
        recipient: 'facility',
        message: expect.stringContaining('COWS score sheet'),
      }),
      expect.objectContaining({ recipient: 'member', kind: 'information-requested' }),
    ]);
    const back = step(p, every['provide-information']);
    expect(back.status).toBe('in_review');
    expect(back.additionalInformation).toEqual(['COWS 14 on 19 Nov, sheet attached.']);
    expect(back.dueAt).toBe(p.dueAt);
  });

  it('refuses a pend that does not say what is needed', () => {
    expect(() => step(inReview(), { kind: 'pend', informationRequested: 'more' })).toThrow(
      'what information',
    );
  });
});
