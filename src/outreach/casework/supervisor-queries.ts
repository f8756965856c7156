import { sql } from 'kysely';
import type { z } from 'zod';
import type { SessionUser } from '../../platform/auth/sessions.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import { attemptOutcomes } from './case-lifecycle.ts';
import { caseworkDb, loadCase, recordCaseEvent } from './casework-store.ts';
import { firstAttemptDueDateSql } from './service-level.ts';
import type { caseload, dayOutcomes, pastServiceLevel } from './supervisor-schemas.ts';

// Open cases with no attempt whose due day has passed (first attempt within 2 business days,
// federal holidays skipped: the due day is stored on the case, see service-level.ts).
const pastDue = sql<boolean>`not exists (select 1 from outreach_attempt a where a.case_id = outreach_case.case_id)
  and ${sql.raw(firstAttemptDueDateSql)} < current_date`;

/** Open cases by case manager and stage, with how many are past the first-attempt service level. */
export async function readCaseloads(ops: OpsDb): Promise<Array<z.infer<typeof caseload>>> {
  const db = caseworkDb(ops);
  const managers = await db
    .selectFrom('app_user')
    .select(['user_id', 'username', 'display_name'])
    .where('role', '=', 'case_manager')
    .where('disabled', '=', false)
    .orderBy('username')
    .execute();
  const rows = await db
    .selectFrom('outreach_case')
    .select((eb) => [
      'assigned_to',
      'stage',
      eb.fn.countAll<number>().as('n'),
      sql<number>`sum(case when ${pastDue} then 1 else 0 end)`.as('late'),
    ])
    .where('status', '=', 'open')
    .groupBy(['assigned_to', 'stage'])
    .execute();
  const loads = new Map<string | null, z.infer<typeof caseload>>();
  loads.set(null, { userId: null, name: 'Unassigned', open: 0, byStage: {}, pastServiceLevel: 0 });
  for (const m of managers)
    loads.set(m.user_id, {
      userId: m.user_id,
      name: m.display_name ?? m.username,
      open: 0,
      byStage: {},
      pastServiceLevel: 0,
    });
  for (const r of rows) {
    const load = loads.get(r.assigned_to) ?? {
      userId: r.assigned_to,
      name: r.assigned_to ?? '',
      open: 0,
      byStage: {},
      pastServiceLevel: 0,
    };
    load.open += Number(r.n);
    load.byStage[r.stage] = Number(r.n);
    load.pastServiceLevel += Number(r.late);
    loads.set(r.assigned_to, load);
  }
  return [...loads.values()];
}

/** Open cases past the first-attempt service level, oldest first, and how many there are. */
export async function readPastServiceLevel(
  ops: OpsDb,
  limit: number,
): Promise<z.infer<typeof pastServiceLevel>> {
  const db = caseworkDb(ops);
  const base = db.selectFrom('outreach_case').where('status', '=', 'open').where(pastDue);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    base
      .select([
        'case_id',
        'priority',
        'opened_at',
        'assigned_to',
        sql<string>`(${sql.raw(firstAttemptDueDateSql)})::text`.as('due'),
      ])
      .orderBy('opened_at')
      .orderBy('priority', 'desc')
      .limit(limit)
      .execute(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      caseId: r.case_id,
      priority: r.priority,
      openedAt: new Date(r.opened_at).toISOString(),
      dueDate: r.due,
      assignedTo: r.assigned_to,
    })),
  };
}

/** A day's attempts by outcome and case manager, and the referrals made that day. */
export async function readDayOutcomes(ops: OpsDb, date: string): Promise<z.infer<typeof dayOutcomes>> {
  const db = caseworkDb(ops);
  const day = sql<boolean>`(attempted_at at time zone 'UTC')::date = ${date}::date`;
  const [outcomes, people, referrals] = await Promise.all([
    db
      .selectFrom('outreach_attempt')
      .select((eb) => ['outcome', eb.fn.countAll<number>().as('n')])
      .where(day)
      .groupBy('outcome')
      .execute(),
    db
      .selectFrom('outreach_attempt')
      .innerJoin('app_user', 'app_user.user_id', 'outreach_attempt.recorded_by')
      .select((eb) => [
        'app_user.username',
        'app_user.display_name',
        eb.fn.countAll<number>().as('n'),
        sql<number>`sum(case when outcome = 'reached' then 1 else 0 end)`.as('reached'),
      ])
      .where(day)
      .groupBy(['app_user.username', 'app_user.display_name'])
      .execute(),
    db
      .selectFrom('referral')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql<boolean>`(created_at at time zone 'UTC')::date = ${date}::date`)
      .executeTakeFirst(),
  ]);
  const byOutcome: Record<string, number> = Object.fromEntries(attemptOutcomes.map((o) => [o, 0]));
  for (const o of outcomes) byOutcome[o.outcome] = Number(o.n);
  return {
    date,
    attempts: outcomes.reduce((sum, o) => sum + Number(o.n), 0),
    byOutcome,
    byCaseManager: people.map((p) => ({
      name: p.display_name ?? p.username,
      attempts: Number(p.n),
      reached: Number(p.reached),
    })),
    referrals: Number(referrals?.n ?? 0),
  };
}

/**
 * Assigns a case (a supervisor to any active case manager; a case manager only an
 * unassigned case to themself), refused with 409 when the caller's version is stale.
 */
export async function assignCase(
  ops: OpsDb,
  user: SessionUser,
  caseId: string,
  assigneeId: string | null,
  version: number,
) {
  const db = caseworkDb(ops);
  // A case manager may only take an unassigned case for themself; supervisors assign anyone.
  if (user.role === 'case_manager' && assigneeId !== user.userId)
    throw new AppError('forbidden', 'Only a supervisor can assign a case to someone else.');
  const current = await loadCase(db, caseId);
  if (user.role === 'case_manager' && current.assignedTo !== null)
    throw new AppError('conflict', 'This case is already assigned. Ask your supervisor to reassign it.');
  if (assigneeId !== null) {
    const assignee = await db
      .selectFrom('app_user')
      .select('role')
      .where('user_id', '=', assigneeId)
      .where('disabled', '=', false)
      .executeTakeFirst();
    if (assignee?.role !== 'case_manager')
      throw new AppError('validation_failed', 'Cases can be assigned only to an active case manager.', [
        { path: 'assigneeId', message: 'not an active case manager' },
      ]);
  }
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('outreach_case')
      .set((eb) => ({
        assigned_to: assigneeId,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('case_id', '=', caseId)
      .where('version', '=', version)
      .returning(['version', 'stage', 'status'])
      .executeTakeFirst();
    if (!updated) throw new AppError('conflict', 'Someone else changed this case. Reload it and try again.');
    await recordCaseEvent(trx, {
      caseId,
      actor: user,
      kind: 'assigned',
      from: current.assignedTo,
      to: assigneeId,
    });
    return {
      caseId,
      stage: updated.stage,
      status: updated.status,
      version: updated.version,
      assignedTo: assigneeId,
    };
  });
}
