import { sql } from 'kysely';
import { readPlan } from '../../coverage/index.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';

export interface MemberPlan {
  planId: string;
  planType: string | null;
  /** Whether the plan includes behavioral-health case management; null when the plan is not on file. */
  behavioralHealthCaseManagement: boolean | null;
}

/** The member's latest enrollment and whether its plan includes behavioral-health case management. */
export async function readMemberPlan(
  db: OpsDb,
  warehouse: Warehouse,
  memberId: string,
): Promise<MemberPlan | null> {
  const [enrollment] = await warehouse.all<{ plan_id: string; plan_type: string | null }>(
    `select plan_id, plan_type from enrollment where member_id = $1 order by start_date desc limit 1`,
    [memberId],
  );
  if (!enrollment) return null;
  const unknown = {
    planId: enrollment.plan_id,
    planType: enrollment.plan_type,
    behavioralHealthCaseManagement: null,
  };
  // Plans live in the coverage domain's table; until it is installed, coverage is simply unknown.
  const installed = await sql<{ t: string | null }>`select to_regclass('coverage_plan')::text as t`.execute(
    db,
  );
  if (!installed.rows[0]?.t) return unknown;
  try {
    const plan = await readPlan(db, enrollment.plan_id);
    return {
      planId: plan.planId,
      planType: plan.planType,
      behavioralHealthCaseManagement: plan.behavioralHealthCaseManagement,
    };
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    return {
      planId: enrollment.plan_id,
      planType: enrollment.plan_type,
      behavioralHealthCaseManagement: null,
    };
  }
}
