import { describe, expect, it } from 'vitest';
import { isObservedFederalHoliday, listFederalHolidays } from './federal-holidays.ts';

/** OPM's published federal holidays (opm.gov, "Federal Holidays"), the days offices close. */
const opm: Record<number, string[]> = {
  2025: [
    '2025-01-01',
    '2025-01-20',
    '2025-02-17',
    '2025-05-26',
    '2025-06-19',
    '2025-07-04',
    '2025-09-01',
    '2025-10-13',
    '2025-11-11',
    '2025-11-27',
    '2025-12-25',
  ],
  2026: [
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-05-25',
    '2026-06-19',
    '2026-07-03',
    '2026-09-07',
    '2026-10-12',
    '2026-11-11',
    '2026-11-26',
    '2026-12-25',
  ],
  2027: [
    '2027-01-01',
    '2027-01-18',
    '2027-02-15',
    '2027-05-31',
    '2027-06-18',
    '2027-07-05',
    '2027-09-06',
    '2027-10-11',
    '2027-11-11',
    '2027-11-25',
    '2027-12-24',
  ],
};

describe('listFederalHolidays', () => {
  it.each([2025, 2026, 2027])("gives OPM's observed days for %i", (year) => {
    expect(listFederalHolidays(year).map((h) => h.observed)).toEqual(opm[year]);
  });

  it('moves a Saturday holiday to Friday and a Sunday one to Monday, keeping the legal date', () => {
    const y2026 = listFederalHolidays(2026).find((h) => h.name === 'Independence Day');
    expect(y2026).toEqual({ name: 'Independence Day', date: '2026-07-04', observed: '2026-07-03' });
    const y2027 = listFederalHolidays(2027).find((h) => h.name === 'Independence Day');
    expect(y2027).toEqual({ name: 'Independence Day', date: '2027-07-04', observed: '2027-07-05' });
  });

  it('has Juneteenth from 2021 on, observed the Friday before in 2021', () => {
    expect(listFederalHolidays(2020).some((h) => h.name.startsWith('Juneteenth'))).toBe(false);
    expect(listFederalHolidays(2021).find((h) => h.name.startsWith('Juneteenth'))?.observed).toBe(
      '2021-06-18',
    );
  });
});

describe('isObservedFederalHoliday', () => {
  it("closes offices on every one of OPM's 2025–2027 days and on no other weekday", () => {
    const expected = new Set(Object.values(opm).flat());
    // New Year's Day 2028 is a Saturday: OPM has offices closed on Friday 31 December 2027.
    expected.add('2027-12-31');
    const found: string[] = [];
    for (
      let d = new Date('2025-01-01T00:00:00Z');
      d.getUTCFullYear() < 2028;
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const day = d.toISOString().slice(0, 10);
      if (isObservedFederalHoliday(day)) found.push(day);
    }
    expect(found).toEqual([...expected].sort());
  });

  it('does not close offices on a holiday that falls at a weekend', () => {
    expect(isObservedFederalHoliday('2026-07-04')).toBe(false);
    expect(isObservedFederalHoliday('2027-12-25')).toBe(false);
  });
});
