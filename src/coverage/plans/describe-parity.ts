import type { ParityFinding } from './check-parity.ts';
import type { Plan } from './plan-schema.ts';

/** Plain-text lines for a parity report: one per plan, then one per finding. */
export function describeParity(plans: readonly Plan[], findings: readonly ParityFinding[]): string[] {
  return plans.flatMap((plan) => {
    const mine = findings.filter((f) => f.planId === plan.planId);
    const violations = mine.filter((f) => f.severity === 'violation').length;
    const head = `${plan.planId} (${plan.planType}): ${
      mine.length === 0
        ? 'SUD benefits no more restrictive than medical'
        : `${violations} violation(s), ${mine.length - violations} to review`
    }`;
    return [
      head,
      ...mine.map((f) => `  ${f.severity === 'violation' ? 'VIOLATION' : 'review'}  ${f.message}`),
    ];
  });
}
