import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isIsoDay } from './iso-days.ts';

describe('day arithmetic on YYYY-MM-DD', () => {
  it('adds and subtracts days across months, years and leap days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09'); // a US clock change moves no day
    expect(addDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('counts whole days between two days, negative when the second is earlier', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-03-01', '2028-02-28')).toBe(-2);
    for (const n of [-400, -1, 0, 1, 59, 366])
      expect(daysBetween('2026-06-15', addDays('2026-06-15', n))).toBe(n);
  });

  it('accepts only real calendar days', () => {
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2027-02-29')).toBe(false);
    expect(isIsoDay('2026-13-01')).toBe(false);
    expect(isIsoDay('2026-1-01')).toBe(false);
  });
});
