/**
 * Shapes the workspace reads from the API. Their zod schemas: src/outreach/worklist/worklist-routes.ts,
 * src/outreach/cases/case-routes.ts, src/outreach/members/member-routes.ts (platform), and
 * src/outreach/casework/casework-schemas.ts (attempts, referrals, lifecycle, supervisor).
 */
import type {
  CoverageSpan,
  MemberProfile,
  TimelineEntry,
} from '../../../src/outreach/members/member-record.ts';
import type { MemberRisk } from '../../../src/outreach/members/member-risk.ts';
import type { ReferralKind } from '../../../src/outreach/script/script-types.ts';
import type { WorklistItem } from '../../../src/outreach/worklist/worklist-query.ts';

// The server's own types where it has them, so the two cannot drift apart.
export type { ReferralKind, WorklistItem };

export interface WorklistPage {
  items: WorklistItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** Orders of `GET /api/worklist` (src/outreach/worklist/worklist-query.ts); ties fall back to priority. */
export type WorklistSort = 'priority' | 'emergency' | 'due' | 'member';

export interface WorklistQuery {
  page: number;
  pageSize: number;
  status?: 'open' | 'closed';
  market?: string;
  reason?: string;
  assigned?: string;
  sort?: WorklistSort;
}

export type CaseStage = 'new' | 'outreach' | 'engaged' | 'in_treatment' | 'closed';

export interface CaseWorkSummary {
  caseId: string;
  stage: CaseStage;
  firstAttemptDueAt: string;
  firstAttemptAt: string | null;
  attempts: number;
  assigneeName: string | null;
  memberName: string | null;
  planType: string | null;
}

export interface CaseView {
  caseId: string;
  memberId: string;
  status: 'open' | 'closed';
  priority: number;
  market: string | null;
  reasons: {
    emergencies: Array<{ kind: string; date: string; claimId: string }>;
    riskFactors: Array<{ code: string; value?: number | null; evidence: string[] }>;
    context: string[];
  };
  latestEmergencyDate: string | null;
  assignedTo: string | null;
  openedAt: string;
  version: number;
}

export type AttemptOutcome =
  | 'reached'
  | 'voicemail'
  | 'no_answer'
  | 'wrong_number'
  | 'declined'
  | 'call_back'
  | 'deceased';
export type ReferralStatus = 'proposed' | 'accepted' | 'scheduled' | 'attended' | 'declined';

export interface CaseWork {
  caseId: string;
  memberId: string;
  stage: CaseStage;
  status: 'open' | 'closed';
  version: number;
  assignedTo: string | null;
  assigneeName: string | null;
  openedAt: string;
  firstAttemptDueAt: string;
  firstAttemptAt: string | null;
  attempts: Array<{
    attemptId: string;
    attemptedAt: string;
    channel: string;
    outcome: AttemptOutcome;
    notes: string | null;
    nextStep: string | null;
    nextAttemptAt: string | null;
    recordedBy: string;
  }>;
  referrals: Array<{
    referralId: string;
    kind: ReferralKind;
    status: ReferralStatus;
    providerName: string | null;
    scheduledFor: string | null;
    notes: string | null;
    createdAt: string;
    updatedAt: string;
  }>;
  history: Array<{
    at: string;
    actor: string | null;
    kind: string;
    from: string | null;
    to: string | null;
    detail: string | null;
  }>;
  nextAction: { kind: 'call' | 'letter' | 'none'; reason: string };
  plan: { planId: string; planType: string | null; behavioralHealthCaseManagement: boolean | null } | null;
}

export interface MemberView {
  asOf: string;
  profile: MemberProfile;
  coverage: CoverageSpan[];
  risk: MemberRisk;
  timeline: TimelineEntry[];
  openCase: { caseId: string; version: number; assignedTo: string | null } | null;
  part2Withheld: boolean;
}
