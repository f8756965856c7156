import { describe, expect, it } from 'vitest';
import { loadDemoPlans } from '../demo/demo-plans.ts';
import { decideCoverage } from './benefit-rules.ts';
import type { Plan } from './plan-schema.ts';

const plans = loadDemoPlans();
const planOfType = (type: Plan['planType']): Plan => plans.find((p) => p.planType === type) as Plan;
const detox = 'sud-ambulatory-detox' as const;

describe('decideCoverage', () => {
  it('denies an HMO specialist service without a referral and covers it with one', () => {
    const hmo = planOfType('HMO');
    expect(decideCoverage(hmo, { category: detox, network: 'in', hasReferral: false })).toMatchObject({
      kind: 'not-covered',
      reason: expect.stringContaining('referral'),
    });
    expect(decideCoverage(hmo, { category: detox, network: 'in', hasReferral: true })).toMatchObject({
      kind: 'covered',
      tier: 'in',
      preauthorizationRequired: true,
    });
  });

  it('does not cover out-of-network care under an HMO or an EPO, even with a referral', () => {
    for (const type of ['HMO', 'EPO'] as const)
      expect(
        decideCoverage(planOfType(type), { category: detox, network: 'out', hasReferral: true }),
      ).toMatchObject({
        kind: 'not-covered',
        reason: expect.stringContaining('only in-network'),
      });
  });

  it('covers in-network specialist care under an EPO without a referral', () => {
    expect(
      decideCoverage(planOfType('EPO'), { category: detox, network: 'in', hasReferral: false }),
    ).toMatchObject({
      kind: 'covered',
      tier: 'in',
    });
  });

  it('pays a POS in-network specialist visit without a referral at the out-of-network level', () => {
    const pos = planOfType('POS');
    const decision = decideCoverage(pos, { category: detox, network: 'in', hasReferral: false });
    expect(decision).toMatchObject({ kind: 'covered', tier: 'out', costShare: { coinsurance: 0.4 } });
    expect(decideCoverage(pos, { category: detox, network: 'in', hasReferral: true })).toMatchObject({
      kind: 'covered',
      tier: 'in',
      costShare: { coinsurance: 0.2 },
    });
  });

  it('covers PPO out-of-network care at the higher out-of-network share without a referral', () => {
    const ppo = planOfType('PPO');
    expect(decideCoverage(ppo, { category: detox, network: 'out', hasReferral: false })).toMatchObject({
      kind: 'covered',
      tier: 'out',
      costShare: { coinsurance: 0.4 },
      notes: [expect.stringContaining('bill the difference')],
    });
  });

  it('never needs a referral for a primary care visit', () => {
    for (const plan of plans)
      expect(
        decideCoverage(plan, { category: 'primary-care-visit', network: 'in', hasReferral: false }).kind,
      ).toBe('covered');
  });
});
