import type { Warehouse } from '../platform/warehouse/warehouse.ts';

/**
 * One named step of the rules: a temp table built from one select over earlier
 * steps. Claims tables are written `{pharmacy_claim}`, `{medical_claim}`, … so a
 * run scoped to one member reads that member's copies (see `scope-claims.ts`).
 */
export interface RuleStep {
  name: string;
  sql: string;
}

/** The table each `{name}` in step SQL reads: the warehouse table itself, or a scoped copy. */
export type ClaimSources = Readonly<Record<string, string>>;

/** Builds each step's temp table in order (DuckDB: `create or replace`, one statement; else drop, then create). */
export async function runRuleSteps(
  warehouse: Warehouse,
  steps: readonly RuleStep[],
  onStep?: (step: string, ms: number) => void,
  sources: ClaimSources = {},
): Promise<void> {
  for (const step of steps) {
    const started = Date.now();
    const sql = step.sql.replace(/\{([a-z_]+)\}/g, (_, table: string) => sources[table] ?? table);
    if (warehouse.dialect === 'duckdb')
      await warehouse.run(`create or replace temp table ${step.name} as ${sql}`);
    else {
      await warehouse.run(`drop table if exists ${step.name}`);
      await warehouse.run(`create temp table ${step.name} as ${sql}`);
    }
    onStep?.(step.name, Date.now() - started);
  }
}
