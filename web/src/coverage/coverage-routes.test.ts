import { describe, expect, it } from 'vitest';
import { coverageHref, parseCoverageRoute } from './coverage-routes.ts';
import { describeClock } from './coverage-words.ts';

describe('coverage routes', () => {
  it('parses each screen path and writes it back to the same hash', () => {
    for (const hash of [
      '#/care/M%2F01',
      '#/reviews',
      '#/requests',
      '#/requests/new',
      '#/preauthorizations/PA-20261123-ABC123',
      '#/my-plan',
      '#/my-care',
      '#/my-authorizations',
      '#/help',
    ]) {
      const parts = hash.slice(2).split('/').map(decodeURIComponent);
      const route = parseCoverageRoute(parts);
      expect(route, hash).toBeDefined();
      expect(coverageHref(route as NonNullable<typeof route>)).toBe(hash);
    }
  });

  it('leaves paths that are not its own to other screens', () => {
    expect(parseCoverageRoute(['worklist'])).toBeUndefined();
    expect(parseCoverageRoute(['care'])).toBeUndefined();
    expect(parseCoverageRoute(['reviews', 'extra'])).toBeUndefined();
    expect(coverageHref({ kind: 'worklist' })).toBeUndefined();
  });
});

describe('the decision clock in words', () => {
  it('says days and hours left, overdue, and whether a decision came in time', () => {
    expect(describeClock({ state: 'running', hoursLeft: 52.4 })).toBe('2d 4h left');
    expect(describeClock({ state: 'due-soon', hoursLeft: 9.6 })).toBe('10h left');
    expect(describeClock({ state: 'overdue', hoursLeft: -5 })).toBe('5h overdue');
    expect(describeClock({ state: 'met', hoursLeft: 168 })).toBe('decided in time (7d 0h to spare)');
    expect(describeClock({ state: 'missed', hoursLeft: -30 })).toBe('decided 1d 6h late');
    expect(describeClock({ state: 'stopped', hoursLeft: 0 })).toBe('stopped (withdrawn)');
  });
});
