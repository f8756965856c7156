import { randomUUID } from 'node:crypto';
import { AppError } from '../platform/errors.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import type { CandidateDisposer, DispositionDecision, RunHeader } from './candidate-disposer.ts';
import { readMemberMetrics } from './read-metrics.ts';
import { recordRun } from './record-run.ts';
import { hashRiskConfig, parseRiskConfig, type RiskConfig, ruleVersion } from './risk-config.ts';
import type { Candidate, Disposition } from './risk-types.ts';
import { withRuleLock } from './rule-lock.ts';
import type { IdentifyResult, WorklistEntry } from './run-result.ts';
import { runRules } from './run-rules.ts';

export interface IdentifyOptions {
  asOf: string;
  config?: RiskConfig;
  /** The operational store's disposition step; without one every candidate is `new` and the run says so. */
  disposer?: CandidateDisposer | null;
  /** Record the run and its candidates in the warehouse (default true). */
  record?: boolean;
  /** Called after each rule step with its duration (benchmarks, profiling). */
  onStep?: (step: string, ms: number) => void;
}

/**
 * Runs the checkpoint (RISK-RULES §7) as of a date: the prioritized, explained
 * candidates with their dispositions, recorded as a run in the warehouse.
 */
export async function identifyMembers(
  warehouse: Warehouse,
  options: IdentifyOptions,
): Promise<IdentifyResult> {
  return withRuleLock(warehouse, () => identifyLocked(warehouse, options));
}

async function identifyLocked(warehouse: Warehouse, options: IdentifyOptions): Promise<IdentifyResult> {
  const config = options.config ?? parseRiskConfig({});
  const started = Date.now();
  const header: RunHeader = {
    runId: randomUUID(),
    asOf: options.asOf,
    ruleVersion,
    factorSet: config.factorSet,
  };
  await runRules(warehouse, config, { asOf: options.asOf }, options.onStep);
  const candidates = await readCandidates(warehouse, config);
  const [counts] = await warehouse.all<{ evaluated: number; eligible: number }>(
    `select (select count(*) from rk_member) as evaluated,
            (select count(*) from rk_eligibility where eligible) as eligible`,
  );
  const decisions = options.disposer ? await options.disposer.dispose(header, candidates) : null;
  const members = candidates.map((c): WorklistEntry => {
    const decision: DispositionDecision | undefined = decisions
      ? decisions.get(c.memberId)
      : { disposition: 'new' };
    if (!decision)
      throw new AppError('internal', 'The disposition step did not answer for every candidate.', [
        { path: 'disposer', message: 'a candidate has no disposition' },
      ]);
    return decision.reason
      ? { ...c, disposition: decision.disposition, dispositionReason: decision.reason }
      : { ...c, disposition: decision.disposition };
  });
  const tally = (d: Disposition) => members.filter((m) => m.disposition === d).length;
  const result: IdentifyResult = {
    ...header,
    configHash: hashRiskConfig(config),
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    dispositionSource: options.disposer ? 'operational-store' : 'none',
    counts: {
      membersEvaluated: counts?.evaluated ?? 0,
      eligible: counts?.eligible ?? 0,
      candidates: members.length,
      new: tally('new'),
      open: tally('open'),
      suppressed: tally('suppressed'),
    },
    members,
  };
  if (options.record !== false) await recordRun(warehouse, result, config);
  return result;
}

/** The candidates of the last rule run on this connection, in worklist order (RISK-RULES §7). */
async function readCandidates(warehouse: Warehouse, config: RiskConfig): Promise<Candidate[]> {
  const rows = await warehouse.all<{ member_id: string; priority: number; latest_emergency: string }>(
    'select member_id, priority, latest_emergency from rk_candidate',
  );
  const byMember = new Map(rows.map((r) => [r.member_id, r]));
  const metrics = await readMemberMetrics(warehouse, config, 'candidates');
  const candidates = metrics.map((m): Candidate => {
    const row = byMember.get(m.memberId);
    return {
      memberId: m.memberId,
      market: m.market,
      priority: row?.priority ?? 0,
      latestEmergency: row?.latest_emergency ?? '',
      emergencies: m.emergencies,
      riskFactors: m.factors
        .filter((f) => f.met)
        .map((f) => ({ code: f.code, value: f.value, evidence: f.evidence })),
      exclusions: m.exclusions,
      context: m.context,
    };
  });
  return candidates.sort(compareCandidates);
}

/** Priority first, then the latest emergency, then member id (RISK-RULES §7). */
export function compareCandidates(
  a: Pick<Candidate, 'priority' | 'latestEmergency' | 'memberId'>,
  b: Pick<Candidate, 'priority' | 'latestEmergency' | 'memberId'>,
): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.latestEmergency !== b.latestEmergency) return a.latestEmergency < b.latestEmergency ? 1 : -1;
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}
