import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/platform-tables.ts';
import type { CaseTables } from '../cases/case-tables.ts';
import type { ReferralKind } from '../script/script-types.ts';
import type {
  AttemptChannel,
  AttemptOutcome,
  CaseStage,
  ReferralStatus,
  StoredCloseReason,
} from './case-lifecycle.ts';

export interface OutreachAttemptTable {
  attempt_id: string;
  case_id: string;
  member_id: string;
  attempted_at: Timestamp;
  channel: AttemptChannel;
  outcome: AttemptOutcome;
  notes: string | null;
  next_step: string | null;
  next_attempt_at: Timestamp | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface ReferralTable {
  referral_id: string;
  case_id: string;
  member_id: string;
  kind: ReferralKind;
  status: ReferralStatus;
  provider_name: string | null;
  scheduled_for: string | null;
  notes: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseEventTable {
  event_id: Generated<number>;
  case_id: string;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_username: string | null;
  kind: string;
  from_value: string | null;
  to_value: string | null;
  detail: string | null;
}

/** The case tables with the stage column this folder adds. */
type CaseTablesWithStage = Omit<CaseTables, 'outreach_case'> & {
  outreach_case: Omit<CaseTables['outreach_case'], 'close_reason' | 'opened_at' | 'updated_at'> & {
    stage: Generated<CaseStage>;
    opened_at: Timestamp;
    updated_at: Timestamp;
    close_reason: StoredCloseReason | null;
  };
};

/** Every table casework reads or writes, for `db.withTables<CaseworkTables>()`. */
export type CaseworkTables = CaseTablesWithStage & {
  outreach_attempt: OutreachAttemptTable;
  referral: ReferralTable;
  case_event: CaseEventTable;
};
