import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/platform-tables.ts';

type Json<T> = ColumnType<T, string, string>;

/** Why a member is on the worklist, as the checkpoint said it (INTERFACES: worklist members). */
export interface CaseReasons {
  emergencies: Array<{ kind: string; date: string; claimId: string }>;
  riskFactors: Array<{ code: string; value?: number | null; evidence: string[] }>;
  context: string[];
}

export type IdentificationRunTable = {
  run_id: string;
  as_of: string;
  rule_version: string;
  factor_set: string | null;
  started_at: Timestamp;
  counts: Json<Record<string, number>>;
};

export type OutreachCaseTable = {
  case_id: string;
  member_id: string;
  status: 'open' | 'closed';
  priority: number;
  market: string | null;
  reasons: Json<CaseReasons>;
  latest_emergency_date: string | null;
  opened_run_id: string | null;
  updated_run_id: string | null;
  assigned_to: string | null;
  opened_at: Timestamp;
  closed_at: Date | null;
  close_reason: 'engaged' | 'declined' | 'unreachable' | 'ineligible' | 'other' | null;
  note: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
};

export type RunCandidateTable = {
  run_id: string;
  member_id: string;
  market: string | null;
  priority: number;
  disposition: 'new' | 'open' | 'suppressed';
  suppression_reason: string | null;
  case_id: string | null;
  reasons: Json<CaseReasons>;
};

/** The outreach domain's tables, for `db.withTables<CaseTables>()`. */
export type CaseTables = {
  identification_run: IdentificationRunTable;
  outreach_case: OutreachCaseTable;
  run_candidate: RunCandidateTable;
};
