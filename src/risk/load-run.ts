import { AppError } from '../platform/errors.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { ensureRiskSchema } from './risk-schema.ts';
import type { ContextCode, Disposition, EmergencyKind, ExclusionCode, RiskFactorCode } from './risk-types.ts';
import { riskFactorCodes } from './risk-types.ts';
import type { IdentifyResult, WorklistEntry } from './run-result.ts';

type RunRow = {
  run_id: string;
  as_of: string;
  rule_version: string;
  factor_set: string;
  config_hash: string;
  started_at: string;
  duration_ms: number;
  members_evaluated: number;
  eligible: number;
  candidates: number;
  new_count: number;
  open_count: number;
  suppressed_count: number;
  disposition_source: 'operational-store' | 'none';
};

/** A recorded run as its worklist, rebuilt from `risk_run`, `risk_candidate` and `risk_reason`. */
export async function loadRun(warehouse: Warehouse, runId: string): Promise<IdentifyResult> {
  await ensureRiskSchema(warehouse);
  const [run] = await warehouse.all<RunRow>('select * from risk_run where run_id = $1', [runId]);
  if (!run) throw new AppError('not_found', `No identification run ${runId}.`);
  const candidates = await warehouse.all<{
    member_id: string;
    priority: number;
    market: string;
    latest_emergency: string;
    disposition: Disposition;
    disposition_reason: string | null;
  }>('select * from risk_candidate where run_id = $1 order by rank', [runId]);
  const reasons = await warehouse.all<{
    member_id: string;
    kind: string;
    code: string;
    value: number | null;
    event_date: string | null;
    claim_id: string | null;
  }>(
    `select member_id, kind, code, value, event_date, claim_id from risk_reason where run_id = $1
     order by member_id, kind, event_date, code, claim_id`,
    [runId],
  );
  const byMember = new Map<string, typeof reasons>();
  for (const r of reasons) byMember.set(r.member_id, [...(byMember.get(r.member_id) ?? []), r]);
  const members = candidates.map((c): WorklistEntry => {
    const mine = byMember.get(c.member_id) ?? [];
    const factorRows = mine.filter((r) => r.kind === 'factor');
    const entry: WorklistEntry = {
      memberId: c.member_id,
      market: c.market,
      priority: c.priority,
      latestEmergency: c.latest_emergency,
      disposition: c.disposition,
      emergencies: mine
        .filter((r) => r.kind === 'emergency')
        .map((r) => ({ kind: r.code as EmergencyKind, date: r.event_date ?? '', claimId: r.claim_id ?? '' })),
      riskFactors: riskFactorCodes
        .filter((code) => factorRows.some((r) => r.code === code))
        .map((code: RiskFactorCode) => {
          const rows = factorRows.filter((r) => r.code === code);
          return {
            code,
            value: rows[0]?.value ?? 0,
            evidence: rows.flatMap((r) => (r.claim_id ? [r.claim_id] : [])),
          };
        }),
      exclusions: mine.filter((r) => r.kind === 'exclusion').map((r) => r.code as ExclusionCode),
      context: mine.filter((r) => r.kind === 'context').map((r) => r.code as ContextCode),
    };
    if (c.disposition_reason) entry.dispositionReason = c.disposition_reason;
    return entry;
  });
  return {
    runId: run.run_id,
    asOf: run.as_of,
    ruleVersion: run.rule_version,
    factorSet: run.factor_set,
    configHash: run.config_hash,
    startedAt: run.started_at,
    durationMs: run.duration_ms,
    dispositionSource: run.disposition_source,
    counts: {
      membersEvaluated: run.members_evaluated,
      eligible: run.eligible,
      candidates: run.candidates,
      new: run.new_count,
      open: run.open_count,
      suppressed: run.suppressed_count,
    },
    members,
  };
}
