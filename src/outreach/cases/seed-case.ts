import { randomUUID } from 'node:crypto';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import type { CaseReasons, CaseTables } from './case-tables.ts';

/** Test and demo helper: opens (or records closed) an outreach case for a member; returns its id. */
export async function seedCase(
  db: OpsDb,
  input: {
    memberId: string;
    assignedTo?: string | null;
    status?: 'open' | 'closed';
    priority?: number;
    market?: string;
    closedAt?: Date;
    closeReason?: 'engaged' | 'declined' | 'unreachable' | 'ineligible' | 'other';
    reasons?: CaseReasons;
    latestEmergencyDate?: string;
  },
): Promise<string> {
  const caseId = randomUUID();
  const status = input.status ?? 'open';
  await db
    .withTables<CaseTables>()
    .insertInto('outreach_case')
    .values({
      case_id: caseId,
      member_id: input.memberId,
      status,
      priority: input.priority ?? 50,
      market: input.market ?? null,
      reasons: JSON.stringify(input.reasons ?? { emergencies: [], riskFactors: [], context: [] }),
      latest_emergency_date: input.latestEmergencyDate ?? null,
      opened_run_id: null,
      updated_run_id: null,
      assigned_to: input.assignedTo ?? null,
      closed_at: status === 'closed' ? (input.closedAt ?? new Date()) : null,
      close_reason: status === 'closed' ? (input.closeReason ?? 'other') : null,
      note: null,
    })
    .execute();
  return caseId;
}
