import { addBusinessDays } from '../../platform/calendar/business-days.ts';

/**
 * The first-attempt service level: a first attempt within 2 business days of
 * identification, due at the end of that day. Business days are Monday to Friday less the
 * observed US federal holidays (src/platform/calendar), counted on UTC calendar days.
 */
export const firstAttemptBusinessDays = 2;

/** The calendar day, 'YYYY-MM-DD', by which the first attempt is due for a case opened on `opened`. */
export function firstAttemptDueDate(opened: Date, businessDays = firstAttemptBusinessDays): string {
  return addBusinessDays(opened.toISOString().slice(0, 10), businessDays);
}

/** The instant the first attempt falls due: the end (UTC) of the due day. */
export function firstAttemptDueAt(opened: Date, businessDays = firstAttemptBusinessDays): string {
  return `${firstAttemptDueDate(opened, businessDays)}T23:59:59.999Z`;
}

/**
 * The same due date in SQL, on `outreach_case`: the column `first_attempt_due_on`, which a
 * trigger sets when a case opens or its `opened_at` changes, counting business days in the
 * `business_day` table (2000–2100) that migration `casework-002-first-attempt-due` fills from
 * the JS rule above. Stored, not computed per query: a lookup per case made overdue counts
 * and the worklist's due order about ten times slower on 10,000 open cases.
 */
export const firstAttemptDueDateSql = 'first_attempt_due_on';
