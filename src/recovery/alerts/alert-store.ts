import { sql } from 'kysely';
import { visibleToCaseManager } from '../../outreach/index.ts';
import type { SessionUser } from '../../platform/auth/sessions.ts';
import { toIsoDay } from '../../platform/calendar/iso-days.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import { recoveryDb } from '../recovery-tables.ts';
import { signalOf } from '../signals/index.ts';
import type { SignalCode } from '../signals/recovery-signal.ts';

export interface AlertView {
  alertId: string;
  memberId: string;
  caseId: string;
  code: SignalCode;
  label: string;
  severity: 'urgent' | 'high' | 'normal';
  raisedOn: string;
  dueOn: string;
  overdue: boolean;
  evidence: { source: string; date: string; id: string; detail: string };
  status: 'open' | 'resolved';
  resolvedAt: string | null;
  resolutionNote: string | null;
}

const severityOrder = sql`case a.severity when 'urgent' then 0 when 'high' then 1 else 2 end`;

/**
 * The alert queue: a case manager's are those of members on their caseload, a supervisor's
 * every member's; most urgent and longest overdue first. `overdueOn` keeps those past their clock.
 */
export async function listAlerts(
  db: OpsDb,
  user: SessionUser,
  filter: {
    status: 'open' | 'resolved';
    memberId?: string | undefined;
    overdueOn?: string | undefined;
    today: string;
  },
): Promise<AlertView[]> {
  const rows = await sql<{
    alert_id: string;
    member_id: string;
    case_id: string;
    code: SignalCode;
    severity: AlertView['severity'];
    raised_on: string;
    due_on: string;
    evidence: AlertView['evidence'];
    status: AlertView['status'];
    resolved_at: Date | null;
    resolution_note: string | null;
  }>`
    select a.alert_id, a.member_id, a.case_id, a.code, a.severity, a.raised_on, a.due_on, a.evidence,
           a.status, a.resolved_at, a.resolution_note
    from recovery_alert a join outreach_case on outreach_case.case_id = a.case_id
    where a.status = ${filter.status}
      ${user.role === 'case_manager' ? sql`and ${visibleToCaseManager(user.userId)}` : sql``}
      ${filter.memberId ? sql`and a.member_id = ${filter.memberId}` : sql``}
      ${filter.overdueOn ? sql`and a.due_on < ${filter.overdueOn}::date` : sql``}
    order by ${severityOrder}, a.due_on, a.raised_at
    limit 500`.execute(db);
  return rows.rows.map((r) => ({
    alertId: r.alert_id,
    memberId: r.member_id,
    caseId: r.case_id,
    code: r.code,
    label: signalOf(r.code).label,
    severity: r.severity,
    raisedOn: toIsoDay(r.raised_on),
    dueOn: toIsoDay(r.due_on),
    overdue: r.status === 'open' && toIsoDay(r.due_on) < filter.today,
    evidence: r.evidence,
    status: r.status,
    resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
    resolutionNote: r.resolution_note,
  }));
}

/** Resolves an alert with the case manager's note; an alert is never deleted, and resolving twice is 409. */
export async function resolveAlert(
  db: OpsDb,
  alertId: string,
  note: string,
  user: SessionUser,
): Promise<void> {
  const updated = await recoveryDb(db)
    .updateTable('recovery_alert')
    .set({ status: 'resolved', resolved_by: user.userId, resolved_at: new Date(), resolution_note: note })
    .where('alert_id', '=', alertId)
    .where('status', '=', 'open')
    .returning('alert_id')
    .executeTakeFirst();
  if (!updated) throw new AppError('conflict', 'This alert is already resolved.');
}
