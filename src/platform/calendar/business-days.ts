import { isObservedFederalHoliday, listFederalHolidays } from './federal-holidays.ts';

/**
 * Business days: Monday to Friday except the days federal offices observe a legal public
 * holiday (./federal-holidays.ts). Days are UTC calendar days, 'YYYY-MM-DD'.
 */

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `day` ('YYYY-MM-DD') is a business day. */
export function isBusinessDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isObservedFederalHoliday(day);
}

/** How many business days lie after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function businessDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) < to; ) {
    d = new Date(d.getTime() + 86_400_000);
    if (isBusinessDay(d.toISOString().slice(0, 10))) n += 1;
  }
  return n;
}

/** The business day `count` (≥ 0) business days after `day`; `day` itself need not be one. */
export function addBusinessDays(day: string, count: number): string {
  if (!dayPattern.test(day)) throw new RangeError(`Not a day: ${day}`);
  const d = new Date(`${day}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isBusinessDay(d.toISOString().slice(0, 10))) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

/** The years the operational store's `business_day` table covers (see `businessDayTableSql`). */
export const businessDayTableYears = { from: 2000, to: 2100 } as const;

/**
 * SQL (PostgreSQL) that creates and fills `business_day`, one row per business day from
 * `from`-01-01 to `to`-12-31: weekdays from generate_series, less the observed holidays this
 * module computes (a VALUES list, so SQL and JS share one rule). For a migration.
 */
export function businessDayTableSql(
  from: number = businessDayTableYears.from,
  to: number = businessDayTableYears.to,
): string {
  const holidays: string[] = [];
  for (let year = from - 1; year <= to + 1; year += 1)
    for (const h of listFederalHolidays(year)) holidays.push(`('${h.observed}')`);
  return `
      create table business_day (day date primary key);
      insert into business_day (day)
        select d::date from generate_series('${from}-01-01'::date, '${to}-12-31'::date, interval '1 day') d
        where extract(isodow from d) < 6
          and d::date not in (select h::date from (values ${holidays.join(', ')}) as holiday (h))`;
}
