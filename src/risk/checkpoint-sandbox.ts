import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import type { RiskConfig } from './risk-config.ts';
import { withRuleLock } from './rule-lock.ts';
import { runRules } from './run-rules.ts';

/**
 * The checkpoint (RISK-RULES §1–7) in a sandbox: the rules run with a configuration as of a
 * day, but no run is recorded and no case is opened; each candidate's id and market stay in
 * the warehouse connection's temp table `into` (`member_id, market`), for counts only.
 */
export async function runCheckpointSandbox(
  warehouse: Warehouse,
  config: RiskConfig,
  asOf: string,
  into: string,
): Promise<void> {
  if (!/^[a-z_]+$/.test(into)) throw new Error(`not a table name: ${into}`);
  await withRuleLock(warehouse, async () => {
    await runRules(warehouse, config, { asOf });
    await warehouse.run(`drop table if exists ${into}`);
    await warehouse.run(
      `create temp table ${into} as
       select c.member_id, m.market from rk_candidate c join rk_member m on m.member_id = c.member_id`,
    );
  });
}
