import type { z } from 'zod';
import { toIsoDay } from '../../platform/calendar/iso-days.ts';
import { proposeNextAction } from './case-lifecycle.ts';
import type { caseWorkView } from './casework-schemas.ts';
import { type CaseworkDb, loadCase } from './casework-store.ts';
import { firstAttemptDueAt } from './service-level.ts';

export type CaseWork = z.infer<typeof caseWorkView>;

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** A date column as 'YYYY-MM-DD', whether the driver gives a string or a Date. */
function toDateText(value: unknown): string | null {
  return value === null || value === undefined ? null : toIsoDay(value);
}

/** Everything a case manager works with on a case: stage, attempts, referrals, history, the next action. */
export async function readCaseWork(
  db: CaseworkDb,
  caseId: string,
  plan: CaseWork['plan'] = null,
): Promise<CaseWork> {
  const current = await loadCase(db, caseId);
  const [attempts, referrals, history, assignee] = await Promise.all([
    db
      .selectFrom('outreach_attempt')
      .innerJoin('app_user', 'app_user.user_id', 'outreach_attempt.recorded_by')
      .select([
        'attempt_id',
        'attempted_at',
        'channel',
        'outcome',
        'notes',
        'next_step',
        'next_attempt_at',
        'app_user.username',
        'app_user.display_name',
      ])
      .where('case_id', '=', caseId)
      .orderBy('attempted_at')
      .orderBy('recorded_at')
      .execute(),
    db.selectFrom('referral').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute(),
    db.selectFrom('case_event').selectAll().where('case_id', '=', caseId).orderBy('event_id').execute(),
    current.assignedTo
      ? db
          .selectFrom('app_user')
          .select(['username', 'display_name'])
          .where('user_id', '=', current.assignedTo)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  // Assignment events store user ids; the history shows people's names.
  const assignedIds = [
    ...new Set(history.filter((e) => e.kind === 'assigned').flatMap((e) => [e.from_value, e.to_value])),
  ].filter((id): id is string => id !== null);
  const people =
    assignedIds.length === 0
      ? []
      : await db
          .selectFrom('app_user')
          .select(['user_id', 'username', 'display_name'])
          .where('user_id', 'in', assignedIds)
          .execute();
  const names = new Map(people.map((p) => [p.user_id, p.display_name ?? p.username]));
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  return {
    caseId,
    memberId: current.memberId,
    stage: current.stage,
    status: current.status,
    version: current.version,
    assignedTo: current.assignedTo,
    assigneeName: assignee ? (assignee.display_name ?? assignee.username) : null,
    openedAt: current.openedAt.toISOString(),
    firstAttemptDueAt: firstAttemptDueAt(current.openedAt),
    firstAttemptAt: iso(attempts[0]?.attempted_at ?? null),
    attempts: attempts.map((a) => ({
      attemptId: a.attempt_id,
      attemptedAt: new Date(a.attempted_at).toISOString(),
      channel: a.channel,
      outcome: a.outcome,
      notes: a.notes,
      nextStep: a.next_step,
      nextAttemptAt: iso(a.next_attempt_at),
      recordedBy: a.display_name ?? a.username,
    })),
    referrals: referrals.map((r) => ({
      referralId: r.referral_id,
      kind: r.kind,
      status: r.status,
      providerName: r.provider_name,
      scheduledFor: toDateText(r.scheduled_for),
      notes: r.notes,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
    history: history.map((e) => ({
      at: new Date(e.occurred_at).toISOString(),
      actor: e.actor_username,
      kind: e.kind,
      from: e.kind === 'assigned' ? nameOf(e.from_value) : e.from_value,
      to: e.kind === 'assigned' ? nameOf(e.to_value) : e.to_value,
      detail: e.detail,
    })),
    nextAction:
      current.status === 'closed'
        ? { kind: 'none', reason: 'The case is closed.' }
        : proposeNextAction(attempts.map((a) => a.outcome)),
    plan,
  };
}
