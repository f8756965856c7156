import type { Generated, Kysely } from 'kysely';
import type { OpsDb } from '../platform/db/ops-db.ts';
import type { PlatformTables, Timestamp } from '../platform/db/platform-tables.ts';

export interface AssessmentTable {
  assessment_id: string;
  member_id: string;
  case_id: string | null;
  facility_npi: string | null;
  status: 'in-progress' | 'completed';
  answers: unknown;
  asam: unknown;
  level_of_care: string | null;
  authored_at: Timestamp;
  author_id: string;
}

export interface InstrumentScoreTable {
  score_id: string;
  member_id: string;
  source_kind: 'assessment' | 'check_in';
  source_id: string;
  instrument: string;
  system: string;
  code: string;
  display: string;
  score: number;
  band: string | null;
  effective_at: Timestamp;
}

export interface CarePlanTable {
  plan_id: string;
  member_id: string;
  case_id: string | null;
  category: 'treatment' | 'aftercare';
  status: 'draft' | 'active' | 'completed' | 'revoked';
  content: unknown;
  version: Generated<number>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface CarePlanVersionTable {
  plan_id: string;
  version: number;
  status: string;
  content: unknown;
  changed_by: string;
  changed_by_username: string;
  changed_at: Timestamp;
  summary: string;
}

export interface ServiceRequestTable {
  request_id: string;
  plan_id: string;
  member_id: string;
  category: string;
  service: string;
  performer_name: string;
  performer_npi: string | null;
  status: 'requested' | 'accepted' | 'in-progress' | 'completed' | 'declined' | 'cancelled';
  sessions_per_week: string | number | null;
  note: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceRequestEventTable {
  event_id: Generated<string>;
  request_id: string;
  from_status: string | null;
  to_status: string;
  actor_id: string;
  actor_username: string;
  note: string | null;
  occurred_at: Timestamp;
}

export interface TreatmentSessionTable {
  session_id: string;
  member_id: string;
  facility_npi: string;
  source_id: string;
  request_id: string | null;
  service: string;
  scheduled_on: string;
  attended: boolean;
  reported_by: string;
  reported_at: Timestamp;
}

export interface DrugScreenTable {
  screen_id: string;
  member_id: string;
  facility_npi: string;
  source_id: string;
  collected_on: string;
  substance: string;
  positive: boolean;
  reported_by: string;
  reported_at: Timestamp;
}

export interface CheckInTable {
  check_in_id: string;
  member_id: string;
  submitted_at: Timestamp;
  mood: number;
  craving: number;
  used_last_7_days: boolean;
  sleep: string;
  needs: unknown;
  safety_concern: boolean;
  submitted_by: string;
}

export interface RecoveryAlertTable {
  alert_id: string;
  member_id: string;
  case_id: string;
  code: string;
  severity: 'urgent' | 'high' | 'normal';
  signal_version: string;
  evidence_key: string;
  evidence: unknown;
  raised_on: string;
  due_on: string;
  raised_at: Timestamp;
  status: Generated<'open' | 'resolved'>;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  resolution_note: string | null;
}

export interface FollowUpTable {
  follow_up_id: string;
  member_id: string;
  case_id: string;
  plan_id: string;
  kind: 'warm_handoff' | 'day_7' | 'day_30' | 'day_90';
  due_on: string;
  status: Generated<'open' | 'done'>;
  outcome: 'reached' | 'not_reached' | 'handoff_confirmed' | 'handoff_missed' | null;
  note: string | null;
  done_by: string | null;
  done_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface FeedbackInvitationTable {
  invitation_id: string;
  member_id: string;
  milestone: 'discharge' | 'aftercare_90';
  respondent: 'member' | 'family';
  market: string | null;
  created_at: Generated<Timestamp>;
  responded: Generated<boolean>;
}

export interface FeedbackResponseTable {
  response_id: string;
  milestone: string;
  respondent: string;
  market: string | null;
  month: string;
  answers: unknown;
}

export interface CareTeamMessageTable {
  message_id: string;
  member_id: string;
  direction: 'to_member' | 'from_member';
  body: string;
  sent_by: string;
  sent_at: Timestamp;
  read_at: Timestamp | null;
}

/** The recovery domain's tables, for `db.withTables<RecoveryTables>()`. */
export type RecoveryTables = {
  assessment: AssessmentTable;
  instrument_score: InstrumentScoreTable;
  care_plan: CarePlanTable;
  care_plan_version: CarePlanVersionTable;
  service_request: ServiceRequestTable;
  service_request_event: ServiceRequestEventTable;
  treatment_session: TreatmentSessionTable;
  drug_screen: DrugScreenTable;
  check_in: CheckInTable;
  recovery_alert: RecoveryAlertTable;
  follow_up: FollowUpTable;
  feedback_invitation: FeedbackInvitationTable;
  feedback_response: FeedbackResponseTable;
  care_team_message: CareTeamMessageTable;
};

export type RecoveryDb = Kysely<PlatformTables & RecoveryTables>;

/** The recovery view of the operational store. */
export function recoveryDb(db: OpsDb): RecoveryDb {
  return db.withTables<RecoveryTables>();
}
