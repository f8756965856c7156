import { toIsoDay } from '../../platform/calendar/iso-days.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { type ShareCategory, shareCategories, shareCategoryLabels } from '../../privacy/index.ts';
import type { CarePlanContent } from '../recovery-schemas.ts';
import { recoveryDb } from '../recovery-tables.ts';

/** What a supporter sees: only the categories shared, and a plain list of what is not. */
export interface SharedRecord {
  shared: { category: ShareCategory; label: string }[];
  notShared: { category: ShareCategory; label: string }[];
  appointments?: { date: string; service: string; attended: boolean }[];
  goals?: SharedGoal[];
  services?: { service: string; performerName: string; status: string }[];
  careTeam?: { role: string; name: string }[];
  checkIns?: { date: string; mood: number; craving: number }[];
  screenResults?: { date: string; substance: string; positive: boolean }[];
}

export interface SharedGoal {
  description: string;
  target: string;
  dueDate: string;
  status: string;
}

/** The member's own view of a goal: the ids to mark its steps done by, and the steps. */
export interface MemberGoal extends SharedGoal {
  planId: string;
  goalId: string;
  steps: { stepId: string; text: string; doneOn: string | null }[];
}

/**
 * Reads, for a supporter, only the categories the member's consent shares: a category not
 * shared is never queried, and each query selects only the columns its category names
 * (a check-in's mood and cravings, never its answers about use or safety).
 */
export async function readSharedRecord(
  db: OpsDb,
  memberId: string,
  shares: readonly string[],
  /** The member reading their own record also gets each goal's ids and steps. */
  audience: 'supporter' | 'member' = 'supporter',
): Promise<SharedRecord> {
  const rdb = recoveryDb(db);
  const has = (c: ShareCategory) => shares.includes(c);
  const entry = (category: ShareCategory) => ({ category, label: shareCategoryLabels[category] });
  const record: SharedRecord = {
    shared: shareCategories.filter(has).map(entry),
    notShared: shareCategories.filter((c) => !has(c)).map(entry),
  };
  if (has('appointments'))
    record.appointments = (
      await rdb
        .selectFrom('treatment_session')
        .select(['scheduled_on', 'service', 'attended'])
        .where('member_id', '=', memberId)
        .orderBy('scheduled_on', 'desc')
        .limit(50)
        .execute()
    ).map((r) => ({ date: toIsoDay(r.scheduled_on), service: r.service, attended: r.attended }));
  if (has('plan-goals') || has('services') || has('care-team')) {
    const plans = await rdb
      .selectFrom('care_plan')
      .select(['plan_id', 'content'])
      .where('member_id', '=', memberId)
      .where('status', '=', 'active')
      .execute();
    const contents = plans.map((p) => p.content as CarePlanContent);
    if (has('plan-goals'))
      record.goals = plans.flatMap((p) =>
        (p.content as CarePlanContent).goals.map((g): SharedGoal | MemberGoal => {
          const shared = {
            description: g.description,
            target: g.target,
            dueDate: g.dueDate,
            status: g.status,
          };
          if (audience === 'supporter') return shared;
          const steps = (g.steps ?? []).map((s) => ({
            stepId: s.id ?? '',
            text: s.text,
            doneOn: s.doneOn ?? null,
          }));
          return { ...shared, planId: p.plan_id, goalId: g.id ?? '', steps };
        }),
      );
    if (has('care-team'))
      record.careTeam = contents.flatMap((c) => c.careTeam.map((m) => ({ role: m.role, name: m.name })));
    if (has('services') && plans.length > 0)
      record.services = await rdb
        .selectFrom('service_request')
        .select(['service', 'performer_name as performerName', 'status'])
        .where(
          'plan_id',
          'in',
          plans.map((p) => p.plan_id),
        )
        .orderBy('created_at')
        .execute();
    else if (has('services')) record.services = [];
  }
  if (has('check-ins'))
    record.checkIns = (
      await rdb
        .selectFrom('check_in')
        .select(['submitted_at', 'mood', 'craving'])
        .where('member_id', '=', memberId)
        .orderBy('submitted_at', 'desc')
        .limit(52)
        .execute()
    ).map((r) => ({
      date: new Date(r.submitted_at).toISOString().slice(0, 10),
      mood: r.mood,
      craving: r.craving,
    }));
  if (has('screen-results'))
    record.screenResults = (
      await rdb
        .selectFrom('drug_screen')
        .select(['collected_on', 'substance', 'positive'])
        .where('member_id', '=', memberId)
        .orderBy('collected_on', 'desc')
        .limit(50)
        .execute()
    ).map((r) => ({ date: toIsoDay(r.collected_on), substance: r.substance, positive: r.positive }));
  return record;
}
