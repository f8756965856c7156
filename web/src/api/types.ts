/**
 * Shapes the workspace reads from the API: the types of the server's own response schemas,
 * imported as types only (nothing of the server is bundled). The schemas: src/outreach/worklist/worklist-routes.ts,
 * src/outreach/cases/case-routes.ts, src/outreach/members/member-routes.ts (platform), and
 * src/outreach/casework/casework-schemas.ts (attempts, referrals, lifecycle, supervisor).
 */
import type { CaseResponse } from '../../../src/outreach/cases/case-routes.ts';
import type {
  AttemptOutcome,
  CaseStage,
  ReferralStatus,
} from '../../../src/outreach/casework/case-lifecycle.ts';
import type { CaseWorkView } from '../../../src/outreach/casework/casework-schemas.ts';
import type { CaseWorkSummary } from '../../../src/outreach/casework/worklist-work-queries.ts';
import type { MemberView } from '../../../src/outreach/members/member-view.ts';
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

/** `GET /api/cases/{caseId}`, `…/work` and `GET /api/members/{memberId}`: the server's schemas' own types. */
export type {
  AttemptOutcome,
  CaseResponse as CaseView,
  CaseStage,
  CaseWorkSummary,
  CaseWorkView as CaseWork,
  MemberView,
  ReferralStatus,
};
