import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { readMemberMetrics } from './read-metrics.ts';
import { parseRiskConfig, type RiskConfig } from './risk-config.ts';
import type { MemberMetrics } from './risk-types.ts';
import { withRuleLock } from './rule-lock.ts';
import { runRules } from './run-rules.ts';

export interface EvaluateOptions {
  asOf: string;
  config?: RiskConfig;
  /** Only this member (explain, member 360): the same SQL on one member's rows. */
  memberId?: string;
  /**
   * Which members to return (default all with activity). `opioid-fill-w180` keeps those with an
   * opioid fill dated in W180, a superset of everyone RISK-RULES §8–9 can select, and much smaller.
   */
  population?: 'all' | 'opioid-fill-w180';
}

/**
 * Runs RISK-RULES §1–7 as of a date and returns the metrics of every member with
 * any relevant fill or medical claim: windows, factors met and missed with their
 * numbers, emergencies, exclusions, context, eligibility and market.
 */
export async function evaluateMembers(
  warehouse: Warehouse,
  options: EvaluateOptions,
): Promise<MemberMetrics[]> {
  const config = options.config ?? parseRiskConfig({});
  return withRuleLock(warehouse, async () => {
    await runRules(warehouse, config, { asOf: options.asOf, memberId: options.memberId });
    return readMemberMetrics(warehouse, config, options.population ?? 'all');
  });
}
