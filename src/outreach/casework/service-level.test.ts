import { describe, expect, it } from 'vitest';
import { firstAttemptDueAt, firstAttemptDueDate } from './service-level.ts';

describe('firstAttemptDueDate', () => {
  it('gives Wednesday for a case opened on Monday', () => {
    expect(firstAttemptDueDate(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-25');
  });
  it('skips the weekend: Thursday and Friday are due on Monday and Tuesday', () => {
    expect(firstAttemptDueDate(new Date('2026-11-26T10:00:00Z'))).toBe('2026-11-30');
    expect(firstAttemptDueDate(new Date('2026-11-27T10:00:00Z'))).toBe('2026-12-01');
  });
  it('counts from the next Monday for a case opened at the weekend', () => {
    expect(firstAttemptDueDate(new Date('2026-11-28T10:00:00Z'))).toBe('2026-12-01');
    expect(firstAttemptDueDate(new Date('2026-11-29T10:00:00Z'))).toBe('2026-12-01');
  });
  it('falls due at the end of the due day', () => {
    expect(firstAttemptDueAt(new Date('2026-11-23T23:00:00Z'))).toBe('2026-11-25T23:59:59.999Z');
  });
});
