import { describe, expect, it } from 'vitest';
import { loadDemoPlans } from '../demo/demo-plans.ts';
import { checkParity } from './check-parity.ts';
import { describeParity } from './describe-parity.ts';
import type { Plan } from './plan-schema.ts';

describe('describeParity', () => {
  it('reports a clean plan in one line and a violating plan with each finding', () => {
    const [hmo, epo] = loadDemoPlans() as [Plan, Plan];
    const bad = structuredClone(epo);
    const office = bad.benefits.find((b) => b.category === 'sud-office-visit');
    if (office) office.inNetwork.copay = 80;
    const plans = [hmo, bad];
    expect(describeParity(plans, plans.flatMap(checkParity))).toEqual([
      'CKP-HMO-100 (HMO): SUD benefits no more restrictive than medical',
      'CKP-EPO-200 (EPO): 1 violation(s), 0 to review',
      '  VIOLATION  sud-office-visit (in-network) has $80; the predominant outpatient-office medical level is $30.',
    ]);
  });
});
