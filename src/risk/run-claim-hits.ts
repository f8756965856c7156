import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { fillSteps } from './fill-steps.ts';
import { medicalSteps } from './medical-steps.ts';
import { memberSteps } from './member-steps.ts';
import type { RiskConfig } from './risk-config.ts';
import { runRuleSteps } from './rule-step.ts';
import { loadRuleTables } from './rule-tables.ts';
import { scopeClaims } from './scope-claims.ts';

const claimHitSteps = new Set(['rk_drug', 'rk_fill', 'rk_dx_code_hit', 'rk_medical_hit']);

/**
 * The rules' first steps only — current fills with their kind (`rk_fill`) and the code-set
 * hits of medical claims (`rk_medical_hit`) in W365 before `asOf` — for the members listed
 * in `membersTable` (a temp table with `member_id`). The recovery signals read these, so
 * an opioid fill, an overdose or an OTP service means the same thing as in §1–6.
 */
export async function runClaimHits(
  warehouse: Warehouse,
  config: RiskConfig,
  asOf: string,
  membersTable: string,
): Promise<void> {
  await loadRuleTables(warehouse, config, { asOf });
  const sources = await scopeClaims(warehouse, { table: membersTable });
  const steps = [...fillSteps, ...medicalSteps].filter((s) => claimHitSteps.has(s.name));
  await runRuleSteps(warehouse, steps, undefined, sources);
}

/**
 * For the program measures: the same first steps over every member and every claim from
 * `from` to `to` (`rk_fill`, `rk_medical_hit`), and each member's market (`rk_member_market`),
 * so an overdose, an ED visit, a MOUD fill or a market means what it means in §1–7.
 */
export async function runClaimHitsBetween(
  warehouse: Warehouse,
  config: RiskConfig,
  range: { from: string; to: string },
): Promise<void> {
  await loadRuleTables(warehouse, config, { asOf: range.to, claimsFrom: range.from });
  const steps = [...fillSteps, ...medicalSteps, ...memberSteps].filter(
    (s) => claimHitSteps.has(s.name) || s.name === 'rk_member_market',
  );
  await runRuleSteps(warehouse, steps);
}
