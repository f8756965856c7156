/**
 * Dates as whole days since 1970-01-01 (UTC): cheap to add and compare, and
 * formatted only when written. No time zones, no clock.
 */
const msPerDay = 86_400_000;

/** The day number of an ISO date 'YYYY-MM-DD'. */
export function parseDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not a date: ${iso}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = ms / msPerDay;
  if (formatDay(day) !== iso) throw new Error(`not a date: ${iso}`);
  return day;
}

/** Formatted days 1970–2109, filled on first use: formatting is the hottest step of writing files. */
const cache: string[] = Array.from({ length: 51_000 }, () => '');

/** The ISO date 'YYYY-MM-DD' of a day number. */
export function formatDay(day: number): string {
  const hit = cache[day];
  if (hit) return hit;
  const text = new Date(day * msPerDay).toISOString().slice(0, 10);
  if (day >= 0 && day < cache.length) cache[day] = text;
  return text;
}

/** The calendar year of a day number. */
export function yearOf(day: number): number {
  return Number(formatDay(day).slice(0, 4));
}

/** The day number of the last day of the month a day falls in. */
export function endOfMonth(day: number): number {
  const d = new Date(day * msPerDay);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / msPerDay;
}

/** The day number of 31 December of a day's year. */
export function endOfYear(day: number): number {
  return Date.UTC(yearOf(day), 11, 31) / msPerDay;
}
