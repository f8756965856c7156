import type { Actor } from '../../platform/auth/sessions.ts';
import { inTransaction } from '../../platform/db/in-transaction.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import {
  type CarePlanContent,
  moudSubstance,
  nextServiceStatuses,
  type ServiceRequestInput,
  type ServiceRequestStatus,
} from '../recovery-schemas.ts';
import { recoveryDb } from '../recovery-tables.ts';

export interface CarePlanWrite {
  memberId: string;
  caseId: string | null;
  category: 'treatment' | 'aftercare';
  status: 'draft' | 'active' | 'completed' | 'revoked';
  content: CarePlanContent;
}

/** Gives each goal and step a stable id, so a later version and the FHIR Goal keep naming the same goal. */
function withGoalIds(content: CarePlanContent): CarePlanContent {
  return {
    ...content,
    goals: content.goals.map((g) => ({
      ...g,
      id: g.id ?? crypto.randomUUID(),
      steps: (g.steps ?? []).map((step) => ({ ...step, id: step.id ?? crypto.randomUUID() })),
    })),
  };
}

/**
 * Marks one step of a goal done (or not done) as of `on`, writing the plan's next version as
 * whoever did it: the member in their app, or their case manager. Only an active plan changes.
 */
export async function markGoalStep(
  db: OpsDb,
  ids: { planId: string; goalId: string; stepId: string },
  done: boolean,
  actor: Actor,
  on: string,
): Promise<{ planId: string; version: number }> {
  const row = await recoveryDb(db)
    .selectFrom('care_plan')
    .select(['member_id', 'case_id', 'category', 'status', 'content', 'version'])
    .where('plan_id', '=', ids.planId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'There is no such care plan.');
  if (row.status !== 'active') throw new AppError('conflict', 'This plan is no longer active.');
  const content = row.content as CarePlanContent;
  const step = content.goals.find((g) => g.id === ids.goalId)?.steps?.find((s) => s.id === ids.stepId);
  if (!step) throw new AppError('not_found', 'There is no such step in this plan.');
  const goals = content.goals.map((g) =>
    g.id !== ids.goalId
      ? g
      : {
          ...g,
          steps: (g.steps ?? []).map((s) => (s.id === ids.stepId ? { ...s, doneOn: done ? on : null } : s)),
        },
  );
  return saveCarePlan(
    db,
    {
      planId: ids.planId,
      version: row.version,
      memberId: row.member_id,
      caseId: row.case_id,
      category: row.category as CarePlanWrite['category'],
      status: 'active',
      content: { ...content, goals },
    },
    actor,
  );
}

/**
 * Creates a plan, or writes its next version when `planId` and the caller's `version` are
 * given: a stale version is refused with 409. Every version is kept with who wrote it.
 * Activating a plan completes the member's other active plan of the same category.
 */
export async function saveCarePlan(
  db: OpsDb,
  write: CarePlanWrite & { planId?: string; version?: number },
  actor: Actor,
): Promise<{ planId: string; version: number }> {
  return inTransaction(recoveryDb(db), async (trx) => {
    const content = withGoalIds(write.content);
    if (write.status === 'active')
      await trx
        .updateTable('care_plan')
        .set((eb) => ({ status: 'completed', version: eb('version', '+', 1), updated_at: new Date() }))
        .where('member_id', '=', write.memberId)
        .where('category', '=', write.category)
        .where('status', '=', 'active')
        .$if(write.planId !== undefined, (q) => q.where('plan_id', '!=', write.planId!))
        .execute();
    let planId: string;
    let version: number;
    if (write.planId === undefined) {
      planId = crypto.randomUUID();
      version = 1;
      await trx
        .insertInto('care_plan')
        .values({
          plan_id: planId,
          member_id: write.memberId,
          case_id: write.caseId,
          category: write.category,
          status: write.status,
          content: JSON.stringify(content),
          updated_by: actor.userId,
        })
        .execute();
    } else {
      const updated = await trx
        .updateTable('care_plan')
        .set((eb) => ({
          status: write.status,
          content: JSON.stringify(content),
          version: eb('version', '+', 1),
          updated_by: actor.userId,
          updated_at: new Date(),
        }))
        .where('plan_id', '=', write.planId)
        .where('version', '=', write.version ?? -1)
        .returning(['version'])
        .executeTakeFirst();
      if (!updated)
        throw new AppError('conflict', 'Someone else changed this plan. Reload it and try again.');
      planId = write.planId;
      version = updated.version;
    }
    await trx
      .insertInto('care_plan_version')
      .values({
        plan_id: planId,
        version,
        status: write.status,
        content: JSON.stringify(content),
        changed_by: actor.userId,
        changed_by_username: actor.username,
        summary: version === 1 ? 'created' : `version ${version}: ${write.status}`,
      })
      .execute();
    return { planId, version };
  });
}

/** Adds one service to a plan as a referral in status `requested`; MOUD services add their substance to the plan's prescribed list. */
export async function addServiceRequest(
  db: OpsDb,
  plan: { planId: string; memberId: string },
  input: ServiceRequestInput,
  actor: Actor,
): Promise<string> {
  const requestId = crypto.randomUUID();
  await inTransaction(recoveryDb(db), async (trx) => {
    await trx
      .insertInto('service_request')
      .values({
        request_id: requestId,
        plan_id: plan.planId,
        member_id: plan.memberId,
        category: input.category,
        service: input.service,
        performer_name: input.performerName,
        performer_npi: input.performerNpi ?? null,
        status: 'requested',
        sessions_per_week: input.sessionsPerWeek ?? null,
        note: input.note ?? null,
      })
      .execute();
    await trx
      .insertInto('service_request_event')
      .values({
        request_id: requestId,
        from_status: null,
        to_status: 'requested',
        actor_id: actor.userId,
        actor_username: actor.username,
        note: null,
      })
      .execute();
    const substance = moudSubstance[input.service];
    if (substance) await addPrescribedSubstance(trx as unknown as OpsDb, plan.planId, substance);
  });
  return requestId;
}

async function addPrescribedSubstance(db: OpsDb, planId: string, substance: string) {
  const rdb = recoveryDb(db);
  const row = await rdb
    .selectFrom('care_plan')
    .select('content')
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  const content = row.content as CarePlanContent;
  if (content.prescribedSubstances.includes(substance as never)) return;
  const next = { ...content, prescribedSubstances: [...content.prescribedSubstances, substance] };
  await rdb
    .updateTable('care_plan')
    .set({ content: JSON.stringify(next) })
    .where('plan_id', '=', planId)
    .execute();
}

/** Moves a referral along its statuses (nextServiceStatuses); a stale version or a move it does not allow is 409. */
export async function changeServiceStatus(
  db: OpsDb,
  requestId: string,
  change: { status: ServiceRequestStatus; version: number; note?: string | undefined },
  actor: Actor,
): Promise<{ status: ServiceRequestStatus; version: number }> {
  return inTransaction(recoveryDb(db), async (trx) => {
    const current = await trx
      .selectFrom('service_request')
      .select(['status', 'version'])
      .where('request_id', '=', requestId)
      .executeTakeFirstOrThrow();
    if (!nextServiceStatuses[current.status].includes(change.status))
      throw new AppError('conflict', `A ${current.status} referral cannot become ${change.status}.`);
    const updated = await trx
      .updateTable('service_request')
      .set((eb) => ({ status: change.status, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('request_id', '=', requestId)
      .where('version', '=', change.version)
      .returning(['version'])
      .executeTakeFirst();
    if (!updated)
      throw new AppError('conflict', 'Someone else changed this referral. Reload it and try again.');
    await trx
      .insertInto('service_request_event')
      .values({
        request_id: requestId,
        from_status: current.status,
        to_status: change.status,
        actor_id: actor.userId,
        actor_username: actor.username,
        note: change.note ?? null,
      })
      .execute();
    return { status: change.status, version: updated.version };
  });
}
