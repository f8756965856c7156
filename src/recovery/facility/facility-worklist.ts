import { sql } from 'kysely';
import { addDays, toIsoDay } from '../../platform/calendar/iso-days.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';

/** A treatment plan is reviewed at least every 30 days (the usual cadence for outpatient SUD plans). */
export const planReviewDays = 30;
/** A facility reports its sessions weekly: a live referral with no report in 7 days is due. */
export const reportDueDays = 7;
/** A comprehensive assessment older than a year is due again. */
export const assessmentValidDays = 365;

export type DueItem =
  | { kind: 'answer_referral'; text: string }
  | { kind: 'assessment'; text: string }
  | { kind: 'plan_review'; text: string }
  | { kind: 'report'; text: string };

export interface FacilityMember {
  memberId: string;
  services: { requestId: string; service: string; status: string; version: number }[];
  lastAssessedOn: string | null;
  planUpdatedOn: string | null;
  lastReportedOn: string | null;
  due: DueItem[];
}

/** What a facility owes for one referred member today, in the order to do it. */
export function dueFor(m: Omit<FacilityMember, 'due'>, today: string): DueItem[] {
  const due: DueItem[] = [];
  const waiting = m.services.filter((s) => s.status === 'requested');
  if (waiting.length > 0)
    due.push({
      kind: 'answer_referral',
      text: `Accept or decline ${waiting.length === 1 ? 'the referral' : `${waiting.length} referrals`}`,
    });
  if (!m.lastAssessedOn || m.lastAssessedOn < addDays(today, -assessmentValidDays))
    due.push({
      kind: 'assessment',
      text: m.lastAssessedOn ? 'Assessment is over a year old' : 'No assessment yet',
    });
  if (m.planUpdatedOn && m.planUpdatedOn < addDays(today, -planReviewDays))
    due.push({ kind: 'plan_review', text: `Plan last reviewed ${m.planUpdatedOn}` });
  const live = m.services.some((s) => s.status === 'accepted' || s.status === 'in-progress');
  if (live && (!m.lastReportedOn || m.lastReportedOn < addDays(today, -reportDueDays)))
    due.push({
      kind: 'report',
      text: m.lastReportedOn ? `No session reported since ${m.lastReportedOn}` : 'No session reported yet',
    });
  return due;
}

/** The members referred to the facility (a live referral to its NPI), each with what is due; most due first. */
export async function listFacilityMembers(db: OpsDb, npi: string, today: string): Promise<FacilityMember[]> {
  const rows = await sql<{
    member_id: string;
    services: { requestId: string; service: string; status: string; version: number }[];
    last_assessed: string | null;
    plan_updated: string | null;
    last_reported: string | null;
  }>`
    select sr.member_id,
      json_agg(json_build_object('requestId', sr.request_id, 'service', sr.service, 'status', sr.status,
        'version', sr.version) order by sr.created_at) as services,
      (select max(a.authored_at)::date from assessment a where a.member_id = sr.member_id and a.status = 'completed')
        as last_assessed,
      (select max(p.updated_at)::date from care_plan p where p.member_id = sr.member_id and p.status = 'active'
        and p.category = 'treatment') as plan_updated,
      (select max(t.scheduled_on) from treatment_session t where t.member_id = sr.member_id
        and t.facility_npi = ${npi}) as last_reported
    from service_request sr
    where sr.performer_npi = ${npi} and sr.status in ('requested', 'accepted', 'in-progress')
    group by sr.member_id
    order by sr.member_id
    limit 1000`.execute(db);
  const members = rows.rows.map((r) => {
    const m = {
      memberId: r.member_id,
      services: r.services,
      lastAssessedOn: r.last_assessed ? toIsoDay(r.last_assessed) : null,
      planUpdatedOn: r.plan_updated ? toIsoDay(r.plan_updated) : null,
      lastReportedOn: r.last_reported ? toIsoDay(r.last_reported) : null,
    };
    return { ...m, due: dueFor(m, today) };
  });
  return members.sort((a, b) => b.due.length - a.due.length);
}
