import { describe, expect, it } from 'vitest';
import { formatWhen } from './coverage-words.ts';

describe('formatWhen', () => {
  const now = new Date(2026, 11, 4, 9, 0);
  it('leaves out the year of this year’s dates and names it for any other year', () => {
    expect(formatWhen(new Date(2026, 9, 15, 14, 0).toISOString(), now)).toBe('Oct 15, 2:00 PM');
    expect(formatWhen(new Date(2025, 8, 19, 14, 0).toISOString(), now)).toBe('Sep 19, 2025, 2:00 PM');
    expect(formatWhen(new Date(2027, 0, 2, 8, 5).toISOString(), now)).toBe('Jan 2, 2027, 8:05 AM');
  });
});
