/**
 * The legal public holidays of 5 U.S.C. 6103(a), computed by rule, with the days federal
 * offices observe them: a Saturday holiday on the Friday before (5 U.S.C. 6103(b)), a Sunday
 * one on the Monday after (Executive Order 11582, section 3(a)) — OPM's "in lieu of" rule.
 * One-off closures by executive order (e.g. an extra day at Christmas) are not rules and are
 * not here; nor is Inauguration Day, a holiday only around Washington, D.C.
 */
export interface FederalHoliday {
  /** The name 5 U.S.C. 6103(a) gives the holiday. */
  name: string;
  /** The legal date, 'YYYY-MM-DD'. */
  date: string;
  /** The day federal offices close for it, 'YYYY-MM-DD' (the legal date unless at a weekend). */
  observed: string;
}

/** Juneteenth National Independence Day became a legal public holiday in 2021 (Pub. L. 117-17). */
const juneteenthFirstYear = 2021;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utcDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

/** The nth (1-based) `weekday` (0 Sunday … 6 Saturday) of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n < 0) {
    const last = utcDay(year, month + 1, 0);
    last.setUTCDate(last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7));
    return last;
  }
  const first = utcDay(year, month, 1);
  first.setUTCDate(1 + ((weekday - first.getUTCDay() + 7) % 7) + 7 * (n - 1));
  return first;
}

/** The day offices close for a holiday on `date`: Friday for a Saturday, Monday for a Sunday. */
function observedDay(date: Date): Date {
  const day = new Date(date);
  if (day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() - 1);
  else if (day.getUTCDay() === 0) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

/** The legal public holidays whose legal date falls in `year`, in date order, with their observed days. */
export function listFederalHolidays(year: number): FederalHoliday[] {
  const dates: Array<[string, Date]> = [
    ["New Year's Day", utcDay(year, 1, 1)],
    ['Birthday of Martin Luther King, Jr.', nthWeekday(year, 1, 1, 3)],
    ["Washington's Birthday", nthWeekday(year, 2, 1, 3)],
    ['Memorial Day', nthWeekday(year, 5, 1, -1)],
    ...(year >= juneteenthFirstYear
      ? [['Juneteenth National Independence Day', utcDay(year, 6, 19)] as [string, Date]]
      : []),
    ['Independence Day', utcDay(year, 7, 4)],
    ['Labor Day', nthWeekday(year, 9, 1, 1)],
    ['Columbus Day', nthWeekday(year, 10, 1, 2)],
    ['Veterans Day', utcDay(year, 11, 11)],
    ['Thanksgiving Day', nthWeekday(year, 11, 4, 4)],
    ['Christmas Day', utcDay(year, 12, 25)],
  ];
  return dates.map(([name, date]) => ({ name, date: iso(date), observed: iso(observedDay(date)) }));
}

const observedByYear = new Map<number, Set<string>>();

/** The observed days that fall in calendar year `year` (a Saturday New Year's Day is observed on 31 December before). */
function observedIn(year: number): Set<string> {
  let days = observedByYear.get(year);
  if (!days) {
    days = new Set(
      [...listFederalHolidays(year), ...listFederalHolidays(year + 1)]
        .map((h) => h.observed)
        .filter((d) => d.startsWith(`${year}-`)),
    );
    observedByYear.set(year, days);
  }
  return days;
}

/** Whether federal offices are closed for a holiday on `day` ('YYYY-MM-DD'). */
export function isObservedFederalHoliday(day: string): boolean {
  return observedIn(Number(day.slice(0, 4))).has(day);
}
