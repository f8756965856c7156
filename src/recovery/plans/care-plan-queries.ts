import type { OpsDb } from '../../platform/db/ops-db.ts';
import type { CarePlanContent, ServiceRequestStatus } from '../recovery-schemas.ts';
import { recoveryDb } from '../recovery-tables.ts';

export interface ServiceRequestView {
  requestId: string;
  planId: string;
  category: string;
  service: string;
  performerName: string;
  performerNpi: string | null;
  status: ServiceRequestStatus;
  sessionsPerWeek: number | null;
  version: number;
  updatedAt: string;
}

export interface CarePlanView {
  planId: string;
  memberId: string;
  category: 'treatment' | 'aftercare';
  status: 'draft' | 'active' | 'completed' | 'revoked';
  version: number;
  content: CarePlanContent;
  updatedAt: string;
  services: ServiceRequestView[];
  history: { version: number; status: string; changedBy: string; changedAt: string; summary: string }[];
}

/** The member's care plans, newest first, each with its services and every version's who and when. */
export async function listCarePlans(db: OpsDb, memberId: string, planId?: string): Promise<CarePlanView[]> {
  const rdb = recoveryDb(db);
  const plans = await rdb
    .selectFrom('care_plan')
    .selectAll()
    .where('member_id', '=', memberId)
    .$if(planId !== undefined, (q) => q.where('plan_id', '=', planId!))
    .orderBy('updated_at', 'desc')
    .execute();
  if (plans.length === 0) return [];
  const ids = plans.map((p) => p.plan_id);
  const services = await rdb
    .selectFrom('service_request')
    .selectAll()
    .where('plan_id', 'in', ids)
    .orderBy('created_at')
    .execute();
  const versions = await rdb
    .selectFrom('care_plan_version')
    .select(['plan_id', 'version', 'status', 'changed_by_username', 'changed_at', 'summary'])
    .where('plan_id', 'in', ids)
    .orderBy('version')
    .execute();
  return plans.map((p) => ({
    planId: p.plan_id,
    memberId: p.member_id,
    category: p.category,
    status: p.status,
    version: p.version,
    content: p.content as CarePlanContent,
    updatedAt: new Date(p.updated_at).toISOString(),
    services: services
      .filter((s) => s.plan_id === p.plan_id)
      .map((s) => ({
        requestId: s.request_id,
        planId: s.plan_id,
        category: s.category,
        service: s.service,
        performerName: s.performer_name,
        performerNpi: s.performer_npi,
        status: s.status,
        sessionsPerWeek: s.sessions_per_week === null ? null : Number(s.sessions_per_week),
        version: s.version,
        updatedAt: new Date(s.updated_at).toISOString(),
      })),
    history: versions
      .filter((v) => v.plan_id === p.plan_id)
      .map((v) => ({
        version: v.version,
        status: v.status,
        changedBy: v.changed_by_username,
        changedAt: new Date(v.changed_at).toISOString(),
        summary: v.summary,
      })),
  }));
}
