import { AppError } from '../platform/errors.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { fillSteps } from './fill-steps.ts';
import { medicalSteps } from './medical-steps.ts';
import { memberSteps } from './member-steps.ts';
import type { RiskConfig } from './risk-config.ts';
import { runRuleSteps } from './rule-step.ts';
import { loadRuleTables, type RuleScope } from './rule-tables.ts';
import { scopeClaims } from './scope-claims.ts';

/** Every rule step, in the order RISK-RULES reads. */
export const ruleSteps = [...fillSteps, ...medicalSteps, ...memberSteps];

/**
 * Runs the rules as of a date into this connection's temp tables (`rk_*`).
 * The tables are per connection: one run at a time on a warehouse handle.
 */
export async function runRules(
  warehouse: Warehouse,
  config: RiskConfig,
  scope: RuleScope,
  onStep?: (step: string, ms: number) => void,
): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(scope.asOf) || Number.isNaN(Date.parse(scope.asOf)))
    throw new AppError('validation_failed', 'The as-of date must be a date (YYYY-MM-DD).', [
      { path: 'asOf', message: `not a date: ${scope.asOf}` },
    ]);
  await loadRuleTables(warehouse, config, scope);
  const sources = scope.memberId ? await scopeClaims(warehouse, scope.memberId) : {};
  await runRuleSteps(warehouse, ruleSteps, onStep, sources);
}
