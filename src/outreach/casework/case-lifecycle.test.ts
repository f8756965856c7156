import { describe, expect, it } from 'vitest';
import {
  allowedReferralStatuses,
  proposeNextAction,
  stageAfterAttempt,
  stageAfterReferral,
  toStoredCloseReason,
} from './case-lifecycle.ts';

describe('stageAfterAttempt', () => {
  it('moves a new case to outreach on any first attempt that does not end it', () => {
    expect(stageAfterAttempt('new', 'no_answer', false)).toEqual({ kind: 'stage', stage: 'outreach' });
    expect(stageAfterAttempt('new', 'reached', false)).toEqual({ kind: 'stage', stage: 'outreach' });
  });
  it('engages the member when reached with an accepted referral', () => {
    expect(stageAfterAttempt('outreach', 'reached', true)).toEqual({ kind: 'stage', stage: 'engaged' });
  });
  it('never moves a case backwards', () => {
    expect(stageAfterAttempt('in_treatment', 'voicemail', false)).toEqual({
      kind: 'stage',
      stage: 'in_treatment',
    });
  });
  it('closes the case on a decline or a death', () => {
    expect(stageAfterAttempt('outreach', 'declined', false)).toEqual({ kind: 'close', reason: 'declined' });
    expect(stageAfterAttempt('engaged', 'deceased', false)).toEqual({ kind: 'close', reason: 'deceased' });
  });
});

describe('stageAfterReferral', () => {
  it('engages on an accepted or scheduled referral and starts treatment on attendance', () => {
    expect(stageAfterReferral('outreach', 'accepted')).toBe('engaged');
    expect(stageAfterReferral('outreach', 'scheduled')).toBe('engaged');
    expect(stageAfterReferral('engaged', 'attended')).toBe('in_treatment');
  });
  it('leaves the stage alone for a proposed or declined referral, or a closed case', () => {
    expect(stageAfterReferral('outreach', 'proposed')).toBe('outreach');
    expect(stageAfterReferral('engaged', 'declined')).toBe('engaged');
    expect(stageAfterReferral('closed', 'attended')).toBe('closed');
  });
  it('allows no change from a final referral status', () => {
    expect(allowedReferralStatuses('attended')).toEqual([]);
    expect(allowedReferralStatuses('proposed')).toContain('accepted');
  });
});

describe('proposeNextAction', () => {
  it('proposes a letter after three failed attempts in a row, not after two', () => {
    expect(proposeNextAction(['no_answer', 'voicemail']).kind).toBe('call');
    expect(proposeNextAction(['no_answer', 'voicemail', 'wrong_number']).kind).toBe('letter');
  });
  it('counts only the failures since the last call-back request', () => {
    expect(proposeNextAction(['no_answer', 'no_answer', 'call_back', 'voicemail']).kind).toBe('call');
  });
  it('proposes nothing more once the member was reached or declined', () => {
    expect(proposeNextAction(['no_answer', 'reached']).kind).toBe('none');
    expect(proposeNextAction(['declined']).kind).toBe('none');
  });
});

describe('toStoredCloseReason', () => {
  it('stores "not eligible" as ineligible and a decline as declined (which suppresses re-identification)', () => {
    expect(toStoredCloseReason('not_eligible')).toBe('ineligible');
    expect(toStoredCloseReason('declined')).toBe('declined');
  });
});
