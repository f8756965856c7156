import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDayTableSql, isBusinessDay } from './business-days.ts';

describe('isBusinessDay', () => {
  it('is a weekday that is not an observed holiday', () => {
    expect(isBusinessDay('2026-11-25')).toBe(true); // Wednesday
    expect(isBusinessDay('2026-11-26')).toBe(false); // Thanksgiving
    expect(isBusinessDay('2026-11-28')).toBe(false); // Saturday
    expect(isBusinessDay('2026-07-03')).toBe(false); // Independence Day observed
  });
});

describe('addBusinessDays', () => {
  it('skips the weekend and the holidays', () => {
    expect(addBusinessDays('2026-11-25', 2)).toBe('2026-11-30'); // Thanksgiving skipped; the Friday after counts
    expect(addBusinessDays('2026-12-23', 2)).toBe('2026-12-28'); // over Christmas (Friday)
    expect(addBusinessDays('2027-12-23', 1)).toBe('2027-12-27'); // Christmas observed 24th
    expect(addBusinessDays('2027-12-30', 1)).toBe('2028-01-03'); // New Year's Day 2028 observed 31st
  });
  it('gives the day itself for zero', () => {
    expect(addBusinessDays('2026-11-28', 0)).toBe('2026-11-28');
  });
  it('refuses what is not a day', () => {
    expect(() => addBusinessDays('2026-11', 2)).toThrow(RangeError);
  });
});

describe('businessDayTableSql', () => {
  it('leaves out the observed holidays of the years around the range', () => {
    const text = businessDayTableSql(2027, 2027);
    expect(text).toContain("('2027-12-24')");
    expect(text).toContain("('2027-12-31')"); // from 2028's list
    expect(text).toContain("generate_series('2027-01-01'::date, '2027-12-31'::date");
  });
});
