import type { RiskConfig } from '../risk-config.ts';
import type { EmergencyKind } from '../risk-types.ts';

/**
 * One RISK-RULES §6 medical emergency kind, in one place: its name, the rule as the
 * configuration sets it, and the `rk_medical_hit.hit` (from the code sets of
 * `src/reference/value-sets.ts`) that makes a claim one. `medical-steps.ts` builds
 * `rk_emergency` from the list in `index.ts`.
 */
export interface EmergencyDefinition {
  code: EmergencyKind;
  section: string;
  label: string;
  part2: false;
  hit: string;
  rule(config: RiskConfig): string;
}

export function inLookback(config: RiskConfig): string {
  return `in the last ${config.windows.lookbackDays} days`;
}
