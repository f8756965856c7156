/** Shapes the workspace reads from the API (see src/outreach/*-routes.ts for the zod schemas). */

export interface Emergency {
  kind: string;
  date: string;
  claimId?: string;
}

export interface RiskFactor {
  code: string;
  value?: number | null;
  evidence: string[];
  detail?: string;
}

export interface WorklistItem {
  caseId: string;
  memberId: string;
  memberName?: string | null;
  market: string;
  planType?: string | null;
  priority: number;
  emergencies: Emergency[];
  riskFactors: RiskFactor[];
  context: string[];
  daysSinceEmergency?: number | null;
  /** When the first attempt is due (service level: 2 business days from identification). */
  firstAttemptDueAt?: string | null;
  firstAttemptAt?: string | null;
  assigneeId?: string | null;
  assigneeName?: string | null;
  status: string;
}

export interface WorklistPage {
  items: WorklistItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface WorklistQuery {
  page: number;
  pageSize: number;
  sort: 'priority' | 'emergency' | 'due';
  q?: string;
  market?: string;
  factor?: string;
  status?: string;
  assignee?: string;
}
