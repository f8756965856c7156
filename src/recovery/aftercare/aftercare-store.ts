import { sql } from 'kysely';
import { changeCaseStage, visibleToCaseManager } from '../../outreach/index.ts';
import type { Actor, SessionUser } from '../../platform/auth/sessions.ts';
import { toIsoDay } from '../../platform/calendar/iso-days.ts';
import { inTransaction } from '../../platform/db/in-transaction.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import { inviteToFeedback } from '../feedback/feedback-store.ts';
import { addServiceRequest, saveCarePlan } from '../plans/care-plan-store.ts';
import type { CarePlanContent } from '../recovery-schemas.ts';
import { recoveryDb } from '../recovery-tables.ts';
import type { DischargeInput, FollowUpDone } from './aftercare-schemas.ts';
import {
  type FollowUpKind,
  type FollowUpOutcome,
  followUpLabels,
  followUpSchedule,
  outcomeFits,
} from './follow-up-schedule.ts';

export interface FollowUpView {
  followUpId: string;
  memberId: string;
  caseId: string;
  planId: string;
  kind: FollowUpKind;
  label: string;
  dueOn: string;
  overdue: boolean;
  status: 'open' | 'done';
  outcome: FollowUpOutcome | null;
  note: string | null;
  doneAt: string | null;
}

/**
 * Discharge into aftercare, all or nothing: the case moves to aftercare (409 on a stale case
 * version), the active treatment plan is completed, the aftercare plan is written with its
 * services, and the warm hand-off and the 7-, 30- and 90-day follow-ups go on the queue.
 */
export async function dischargeToAftercare(
  db: OpsDb,
  target: { caseId: string; memberId: string },
  input: DischargeInput,
  actor: Actor,
): Promise<{ planId: string; caseVersion: number; followUps: { kind: FollowUpKind; dueOn: string }[] }> {
  return inTransaction(recoveryDb(db), async (trx) => {
    const ops = trx as unknown as OpsDb;
    const moved = await changeCaseStage(ops, target.caseId, { kind: 'stage', stage: 'aftercare' }, actor, {
      version: input.caseVersion,
      note: `discharged from level ${input.fromLevelOfCare} on ${input.dischargedOn}`,
    });
    const treatment = await trx
      .selectFrom('care_plan')
      .select(['plan_id', 'version', 'content', 'case_id'])
      .where('member_id', '=', target.memberId)
      .where('category', '=', 'treatment')
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (treatment)
      await saveCarePlan(
        ops,
        {
          planId: treatment.plan_id,
          version: treatment.version,
          memberId: target.memberId,
          caseId: treatment.case_id,
          category: 'treatment',
          status: 'completed',
          content: treatment.content as CarePlanContent,
        },
        actor,
      );
    const content: CarePlanContent = {
      ...input.plan,
      discharge: {
        dischargedOn: input.dischargedOn,
        fromLevelOfCare: input.fromLevelOfCare,
        handoffTo: input.handoff.to,
        ...(input.handoff.npi ? { handoffNpi: input.handoff.npi } : {}),
        handoffOn: input.handoff.on,
      },
    };
    const { planId } = await saveCarePlan(
      ops,
      { memberId: target.memberId, caseId: target.caseId, category: 'aftercare', status: 'active', content },
      actor,
    );
    for (const service of input.services)
      await addServiceRequest(ops, { planId, memberId: target.memberId }, service, actor);
    const followUps = followUpSchedule(input.dischargedOn, input.handoff.on);
    await trx
      .insertInto('follow_up')
      .values(
        followUps.map((f) => ({
          follow_up_id: crypto.randomUUID(),
          member_id: target.memberId,
          case_id: target.caseId,
          plan_id: planId,
          kind: f.kind,
          due_on: f.dueOn,
          outcome: null,
          note: null,
          done_by: null,
          done_at: null,
        })),
      )
      .execute();
    await inviteToFeedback(ops, target.memberId, 'discharge');
    return { planId, caseVersion: moved.version, followUps };
  });
}

/**
 * The follow-up queue: a case manager's are those of members on their caseload, a
 * supervisor's every member's; soonest due first. `overdueOn` keeps those past their day.
 */
export async function listFollowUps(
  db: OpsDb,
  user: SessionUser,
  filter: {
    status: 'open' | 'done';
    memberId?: string | undefined;
    overdueOn?: string | undefined;
    today: string;
  },
): Promise<FollowUpView[]> {
  const rows = await recoveryDb(db)
    .selectFrom('follow_up as f')
    .select([
      'f.follow_up_id',
      'f.member_id',
      'f.case_id',
      'f.plan_id',
      'f.kind',
      'f.due_on',
      'f.status',
      'f.outcome',
      'f.note',
      'f.done_at',
    ])
    .where('f.status', '=', filter.status)
    .$if(user.role === 'case_manager', (q) =>
      q.where(
        sql<boolean>`exists (select 1 from outreach_case where outreach_case.case_id = f.case_id
          and ${visibleToCaseManager(user.userId)})`,
      ),
    )
    .$if(filter.memberId !== undefined, (q) => q.where('f.member_id', '=', filter.memberId!))
    .$if(filter.overdueOn !== undefined, (q) =>
      q.where('f.due_on', '<', sql<string>`${filter.overdueOn}::date`),
    )
    .orderBy('f.due_on')
    .orderBy('f.kind')
    .limit(500)
    .execute();
  return rows.map((r) => {
    const dueOn = toIsoDay(r.due_on);
    return {
      followUpId: r.follow_up_id,
      memberId: r.member_id,
      caseId: r.case_id,
      planId: r.plan_id,
      kind: r.kind,
      label: followUpLabels[r.kind],
      dueOn,
      overdue: r.status === 'open' && dueOn < filter.today,
      status: r.status,
      outcome: r.outcome,
      note: r.note,
      doneAt: r.done_at ? new Date(r.done_at).toISOString() : null,
    };
  });
}

/** Records a follow-up's outcome; an outcome of the wrong kind is 400 and doing it twice 409. */
export async function completeFollowUp(
  db: OpsDb,
  followUpId: string,
  done: FollowUpDone,
  actor: Actor,
): Promise<void> {
  const rdb = recoveryDb(db);
  const current = await rdb
    .selectFrom('follow_up')
    .select(['kind', 'member_id'])
    .where('follow_up_id', '=', followUpId)
    .executeTakeFirstOrThrow();
  if (!outcomeFits(current.kind, done.outcome))
    throw new AppError('validation_failed', 'That outcome does not fit this follow-up.', [
      {
        path: 'outcome',
        message:
          current.kind === 'warm_handoff' ? 'handoff_confirmed or handoff_missed' : 'reached or not_reached',
      },
    ]);
  const updated = await rdb
    .updateTable('follow_up')
    .set({
      status: 'done',
      outcome: done.outcome,
      note: done.note,
      done_by: actor.userId,
      done_at: new Date(),
    })
    .where('follow_up_id', '=', followUpId)
    .where('status', '=', 'open')
    .returning('follow_up_id')
    .executeTakeFirst();
  if (!updated) throw new AppError('conflict', 'This follow-up is already done.');
  // The end of the 90 days of aftercare is the second milestone the member and family are asked about.
  if (current.kind === 'day_90' && done.outcome === 'reached')
    await inviteToFeedback(db, current.member_id, 'aftercare_90');
}
