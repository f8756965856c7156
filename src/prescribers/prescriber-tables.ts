import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../platform/db/platform-tables.ts';
import type { LockInState, MemberResponse, ReviewEvidence } from './lock-in/lock-in-types.ts';

type Json<T> = ColumnType<T, string, string>;

export type LockInTable = {
  lock_in_id: string;
  member_id: string;
  state: LockInState;
  evidence: Json<ReviewEvidence>;
  proposed_on: string;
  scope: 'pharmacy' | 'prescriber' | 'both' | null;
  rationale: string | null;
  decided_on: string | null;
  decided_by: string | null;
  initial_notice_on: string | null;
  response_due_on: string | null;
  member_response: Json<MemberResponse | null>;
  second_notice_on: string | null;
  pharmacy_npi: string | null;
  prescriber_npi: string | null;
  effective_from: string | null;
  ends_on: string | null;
  extended_on: string | null;
  appeal_filed_on: string | null;
  appeal_from_state: LockInState | null;
  appeal_decided_on: string | null;
  appeal_outcome: 'upheld' | 'overturned' | null;
  closed_on: string | null;
  close_reason: string | null;
  version: number;
  updated_at: Timestamp;
};

export type LockInEventTable = {
  seq: Generated<number>;
  lock_in_id: string;
  kind: string;
  on_date: string;
  actor: string;
  from_state: string | null;
  to_state: string;
  detail: Json<Record<string, string | number | null>>;
  recorded_at: Timestamp;
};

export type LockInNoticeTable = {
  notice_id: string;
  lock_in_id: string;
  kind: 'initial' | 'second';
  created_on: string;
  pdf: Uint8Array;
  created_at: Timestamp;
};

export type LetterRunTable = {
  run_id: string;
  as_of: string;
  created_by: string | null;
  created_at: Timestamp;
  counts: Json<Record<string, number>>;
};

export type PrescriberLetterTable = {
  letter_id: string;
  run_id: string;
  as_of: string;
  prescriber_npi: string;
  prescriber_name: string | null;
  status: 'generated' | 'sent' | 'superseded';
  member_count: number;
  pdf: Uint8Array;
  pdf_sha256: string;
  created_at: Timestamp;
  sent_at: Date | null;
  sent_by: string | null;
};

export type PrescriberLetterMemberTable = {
  letter_id: string;
  member_id: string;
  disclosed_factor_codes: string[];
  new_factor_codes: string[];
  withheld_part2: number;
};

export type LetterSuppressionTable = {
  run_id: string;
  prescriber_npi: string;
  member_id: string;
  prior_sent_on: string;
  reason: string;
};

export type LetterDeliveryTable = {
  delivery_id: string;
  letter_id: string;
  token_hash: string;
  recipient: string;
  expires_at: Date | string;
  created_by: string | null;
  created_at: Timestamp;
  opened_at: Date | null;
  downloaded_at: Date | null;
  revoked_at: Date | null;
};

export type LetterEventTable = {
  seq: Generated<number>;
  letter_id: string;
  delivery_id: string | null;
  kind: 'generated' | 'sent' | 'opened' | 'downloaded' | 'download_refused' | 'superseded';
  actor: string | null;
  detail: string | null;
  at: Timestamp;
};

export type PharmacyCheckClientTable = {
  client_id: string;
  name: string;
  key_hash: string;
  created_at: Timestamp;
  revoked_at: Date | null;
};

export type PharmacyCheckLogTable = {
  seq: Generated<number>;
  checked_at: Date;
  client: string;
  member_id: string;
  ndc: string;
  pharmacy_npi: string;
  prescriber_npi: string;
  fill_date: string;
  days_supply: number | null;
  decision: 'allow' | 'deny';
  reason: string;
  lock_in_id: string | null;
  request_id: string | null;
};

/** The prescribers domain's tables, for `db.withTables<PrescriberTables>()`. */
export type PrescriberTables = {
  lock_in: LockInTable;
  lock_in_event: LockInEventTable;
  lock_in_notice: LockInNoticeTable;
  letter_run: LetterRunTable;
  prescriber_letter: PrescriberLetterTable;
  prescriber_letter_member: PrescriberLetterMemberTable;
  letter_suppression: LetterSuppressionTable;
  letter_delivery: LetterDeliveryTable;
  letter_event: LetterEventTable;
  pharmacy_check_client: PharmacyCheckClientTable;
  pharmacy_check_log: PharmacyCheckLogTable;
};
