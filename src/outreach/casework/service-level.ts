/**
 * The first-attempt service level (issue 5): a first attempt within 2 business days of
 * identification, due at the end of that day. Business days are Monday to Friday;
 * holidays are not modelled.
 */
export const firstAttemptBusinessDays = 2;

/** The calendar day, 'YYYY-MM-DD', by which the first attempt is due for a case opened on `opened`. */
export function firstAttemptDueDate(opened: Date, businessDays = firstAttemptBusinessDays): string {
  const day = new Date(Date.UTC(opened.getUTCFullYear(), opened.getUTCMonth(), opened.getUTCDate()));
  let left = businessDays;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

/** The instant the first attempt falls due: the end (UTC) of the due day. */
export function firstAttemptDueAt(opened: Date, businessDays = firstAttemptBusinessDays): string {
  return `${firstAttemptDueDate(opened, businessDays)}T23:59:59.999Z`;
}

/**
 * The same due date in SQL (PostgreSQL), for a timestamp column: days to add by ISO weekday
 * of the opening day, so 2 business days from Thursday is Monday and from Saturday is Tuesday.
 */
export const firstAttemptDueDateSql = `(opened_at at time zone 'UTC')::date + (case extract(isodow from opened_at at time zone 'UTC')
  when 4 then 4 when 5 then 4 when 6 then 3 else 2 end)`;
