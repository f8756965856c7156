import type { Warehouse } from '../platform/warehouse/warehouse.ts';

/** One named step of the rules: a temp table built from one select over earlier steps. */
export interface RuleStep {
  name: string;
  sql: string;
}

/** Builds each step's temp table in order (drop, then `create temp table … as`). */
export async function runRuleSteps(
  warehouse: Warehouse,
  steps: readonly RuleStep[],
  onStep?: (step: string, ms: number) => void,
): Promise<void> {
  for (const step of steps) {
    const started = Date.now();
    await warehouse.run(`drop table if exists ${step.name}`);
    await warehouse.run(`create temp table ${step.name} as ${step.sql}`);
    onStep?.(step.name, Date.now() - started);
  }
}
