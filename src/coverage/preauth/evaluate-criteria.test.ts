import { describe, expect, it } from 'vitest';
import { authorizationRequestSchema } from './authorization.ts';
import { evaluateCriteria, suggestDecision } from './evaluate-criteria.ts';
import { makeDetoxRequest } from './fixtures.ts';

const receivedAt = '2026-11-20T15:00:00.000Z';
const resultsOf = (request = makeDetoxRequest()) =>
  Object.fromEntries(evaluateCriteria(request, receivedAt).map((r) => [r.id, r.result]));

describe('evaluateCriteria (ambulatory withdrawal management)', () => {
  it('meets every criterion for a complete request and suggests approval', () => {
    const results = evaluateCriteria(makeDetoxRequest(), receivedAt);
    expect(results.map((r) => r.result)).toEqual(Array(8).fill('met'));
    expect(suggestDecision(results)).toBe('approve');
  });

  it('misses the diagnosis for alcohol dependence alone, and the severity for COWS over 24', () => {
    const base = makeDetoxRequest();
    expect(resultsOf(makeDetoxRequest({ diagnosisCodes: ['F1020'] })).diagnosis).toBe('missed');
    expect(resultsOf(makeDetoxRequest({ diagnosisCodes: ['F1320'] })).diagnosis).toBe('met');
    const severe = makeDetoxRequest({
      assessment: { ...base.assessment, withdrawalScore: { scale: 'COWS', value: 25 } },
    });
    expect(resultsOf(severe)['withdrawal-severity']).toBe('missed');
    expect(suggestDecision(evaluateCriteria(severe, receivedAt))).toBe('deny');
  });

  it('misses an assessment older than 7 days or not face to face', () => {
    const base = makeDetoxRequest();
    expect(
      resultsOf(makeDetoxRequest({ assessment: { ...base.assessment, date: '2026-11-12' } }))['face-to-face'],
    ).toBe('missed');
    expect(
      resultsOf(makeDetoxRequest({ assessment: { ...base.assessment, date: '2026-11-13' } }))['face-to-face'],
    ).toBe('met');
    expect(
      resultsOf(makeDetoxRequest({ assessment: { ...base.assessment, faceToFace: false } }))['face-to-face'],
    ).toBe('missed');
  });

  it('leaves unstated facts unknown and suggests pending for information', () => {
    const { stableLivingEnvironment: _, ...assessment } = makeDetoxRequest().assessment;
    const results = evaluateCriteria(makeDetoxRequest({ assessment }), receivedAt);
    expect(results.find((r) => r.id === 'recovery-environment')).toMatchObject({ result: 'unknown' });
    expect(suggestDecision(results)).toBe('pend');
  });

  it('suggests a partial approval when only the days requested exceed the first authorization', () => {
    const long = makeDetoxRequest({
      services: [{ code: 'H0014', units: 10, startDate: '2026-11-23', endDate: '2026-12-02' }],
    });
    expect(suggestDecision(evaluateCriteria(long, receivedAt))).toBe('partially-approve');
  });
});

describe('authorizationRequestSchema', () => {
  it('rejects a service code that is not billed for the level of care, naming the line', () => {
    const parsed = authorizationRequestSchema.safeParse({
      ...makeDetoxRequest(),
      services: [{ code: 'H0015', units: 5, startDate: '2026-11-23', endDate: '2026-11-27' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['services', 0, 'code'],
      message: expect.stringContaining('use H0014'),
    });
  });
});
