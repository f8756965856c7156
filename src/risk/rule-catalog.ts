import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { contextDefinitions, exclusionDefinitions } from './context-codes.ts';
import { emergencyDefinitions } from './emergencies/index.ts';
import { riskFactors } from './factors/index.ts';
import { parseRiskConfig, type RiskConfig, ruleVersion } from './risk-config.ts';
import { ensureRiskSchema } from './risk-schema.ts';

/** One code as the screens show it: its plain name and the rule behind it, as the configuration set it. */
export interface CodeDescription {
  code: string;
  label: string;
  rule: string;
  section: string;
  /** Facts from substance-use diagnoses or treatment: 42 CFR Part 2, not to be re-disclosed. */
  part2: boolean;
  /** The priority weight (RISK-RULES §7), for factors and emergencies. */
  weight?: number;
}

export interface RuleCatalog {
  ruleVersion: string;
  /** The run whose configuration the rule texts describe; null when none is recorded (the defaults). */
  runId: string | null;
  riskFactors: CodeDescription[];
  emergencies: CodeDescription[];
  exclusions: CodeDescription[];
  context: CodeDescription[];
}

/** Every code's name and rule text under one configuration. */
export function describeRules(config: RiskConfig, runId: string | null = null): RuleCatalog {
  return {
    ruleVersion,
    runId,
    riskFactors: riskFactors.map((f) => ({
      code: f.code,
      label: f.label,
      rule: f.rule(config),
      section: f.section,
      part2: f.part2,
      weight: config.factorWeights[f.code],
    })),
    emergencies: emergencyDefinitions.map((e) => ({
      code: e.code,
      label: e.label,
      rule: e.rule(config),
      section: e.section,
      part2: e.part2,
      weight: config.emergencyWeights[e.code],
    })),
    exclusions: exclusionDefinitions.map((n) => ({ ...n, rule: n.rule(config) })),
    context: contextDefinitions.map((n) => ({ ...n, rule: n.rule(config) })),
  };
}

/** The rules as the latest recorded identification run configured them, else the written defaults. */
export async function describeLatestRules(warehouse: Warehouse): Promise<RuleCatalog> {
  await ensureRiskSchema(warehouse);
  const [latest] = await warehouse.all<{ run_id: string; config_json: string }>(
    'select run_id, config_json from risk_run order by started_at desc, run_id desc limit 1',
  );
  if (!latest) return describeRules(parseRiskConfig({}));
  return describeRules(parseRiskConfig(JSON.parse(latest.config_json)), latest.run_id);
}
