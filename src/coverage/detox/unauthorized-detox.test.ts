import { describe, expect, it } from 'vitest';
import { makeDetoxRequest } from '../preauth/fixtures.ts';
import { applyAuthorizationAction, receiveAuthorization } from '../preauth/transitions.ts';
import { type DetoxLine, flagUnauthorizedDetox } from './unauthorized-detox.ts';

const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
const lines: DetoxLine[] = days.map((serviceDate) => ({
  claimId: 'C-1',
  memberId: 'M-0001',
  serviceDate,
  procedureCode: 'H0014',
  revenueCode: null,
  billingNpi: '2981000070',
  units: 1,
}));

function decide(action: Parameters<typeof applyAuthorizationAction>[1]) {
  const received = receiveAuthorization({
    id: 'PA-1',
    request: makeDetoxRequest({
      services: [{ code: 'H0014', units: 5, startDate: '2026-03-02', endDate: '2026-03-06' }],
      assessment: { ...makeDetoxRequest().assessment, date: '2026-02-28' },
    }),
    receivedAt: '2026-03-01T14:00:00Z',
    actor: 'facility',
  });
  const inReview = applyAuthorizationAction(received, { kind: 'start-review' }, '2026-03-01T15:00:00Z', 'um');
  return applyAuthorizationAction(inReview, action, '2026-03-01T16:00:00Z', 'um');
}

describe('flagUnauthorizedDetox with partial approvals', () => {
  it('covers every billed day of a fully approved request', () => {
    expect(flagUnauthorizedDetox(lines, [decide({ kind: 'approve' })])).toEqual([]);
  });

  it('covers only the first approved days of a partly approved request and says why the rest are flagged', () => {
    const partial = decide({
      kind: 'partially-approve',
      approvedUnits: [3],
      reason: 'Approved for three days; concurrent review for more.',
    });
    const flagged = flagUnauthorizedDetox(lines, [partial]);
    expect(flagged.map((f) => f.serviceDate)).toEqual(['2026-03-05', '2026-03-06']);
    expect(flagged[0]?.reason).toBe('Beyond the days request PA-1 approved (3 of 5 requested).');
  });
});
