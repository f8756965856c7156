import { describe, expect, it } from 'vitest';
import { loadDemoPlans } from '../demo/demo-plans.ts';
import type { Plan } from '../plans/plan-schema.ts';
import {
  type Accumulators,
  compareNetworkCosts,
  estimateEpisodeCost,
  type PlannedService,
} from './estimate-cost.ts';

const plans = new Map(loadDemoPlans().map((p) => [p.planId, p]));
const plan = (id: string) => plans.get(id) as Plan;
const met = (inDed: number, inOop: number, outDed = 0, outOop = 0): Accumulators => ({
  in: { deductibleMet: inDed, outOfPocketMet: inOop },
  out: { deductibleMet: outDed, outOfPocketMet: outOop },
});
const detoxDays = (units: number, allowed: number, billed?: number): PlannedService => ({
  code: 'H0014',
  description: 'Ambulatory detoxification, per day',
  category: 'sud-ambulatory-detox',
  units,
  allowedPerUnit: allowed,
  ...(billed === undefined ? {} : { billedPerUnit: billed }),
});

describe('estimateEpisodeCost', () => {
  it('applies the rest of a partly met deductible, then 20% coinsurance (HMO 100)', () => {
    // Deductible $500, $200 met → $300 left. 5 days × $300 = $1,500: $300 deductible + 20% of $1,200 = $240.
    const estimate = estimateEpisodeCost({
      plan: plan('CKP-HMO-100'),
      network: 'in',
      hasReferral: true,
      services: [detoxDays(5, 300)],
      accumulators: met(200, 200),
    });
    expect(estimate.lines[0]).toMatchObject({ allowed: 1500, deductible: 300, copay: 0, coinsurance: 240 });
    expect(estimate.memberPays).toBe(540);
    expect(estimate.planPays).toBe(960);
    expect(estimate.deductibleRemaining).toEqual({ before: 300, after: 0 });
    expect(estimate.outOfPocketRemaining).toEqual({ before: 3800, after: 3260 });
    expect(estimate.memberPaysWithoutPreauthorization).toBe(1500);
  });

  it('stops at the out-of-pocket maximum (PPO 400, $100 left of $6,000)', () => {
    // IOP 10 days × $250 = $2,500; deductible met; 20% = $500 but only $100 remains.
    const estimate = estimateEpisodeCost({
      plan: plan('CKP-PPO-400'),
      network: 'in',
      hasReferral: false,
      services: [
        {
          code: 'H0015',
          description: 'Intensive outpatient, per day',
          category: 'sud-intensive-outpatient',
          units: 10,
          allowedPerUnit: 250,
        },
        detoxDays(2, 300),
      ],
      accumulators: met(1500, 5900),
    });
    expect(estimate.lines.map((l) => l.memberPays)).toEqual([100, 0]);
    expect(estimate.lines[0]?.notes).toContain(
      'The out-of-pocket maximum is reached: the plan pays the rest of this service.',
    );
    expect(estimate.memberPays).toBe(100);
    expect(estimate.planPays).toBe(3000);
    expect(estimate.outOfPocketRemaining).toEqual({ before: 100, after: 0 });
  });

  it('charges out-of-network coinsurance plus the balance bill (PPO 400)', () => {
    // OON deductible $3,000, $2,800 met → $200. 5 × $300 allowed = $1,500: $200 + 40% of $1,300 = $520;
    // billed 5 × $450 = $2,250 → balance bill $750. Member $1,470, plan $780.
    const estimate = estimateEpisodeCost({
      plan: plan('CKP-PPO-400'),
      network: 'out',
      hasReferral: false,
      services: [detoxDays(5, 300, 450)],
      accumulators: met(0, 0, 2800, 2800),
    });
    expect(estimate.lines[0]).toMatchObject({ deductible: 200, coinsurance: 520, balanceBill: 750 });
    expect(estimate.memberPays).toBe(1470);
    expect(estimate.planPays).toBe(780);
    expect(estimate.assumptions.some((a) => a.includes('balance billing'))).toBe(true);
  });

  it('leaves the member the whole charge when an HMO member goes out of network', () => {
    const estimate = estimateEpisodeCost({
      plan: plan('CKP-HMO-100'),
      network: 'out',
      hasReferral: true,
      services: [detoxDays(5, 300, 400)],
      accumulators: met(0, 0),
    });
    expect(estimate.lines[0]).toMatchObject({ covered: false, notCovered: 2000, memberPays: 2000 });
    expect(estimate.planPays).toBe(0);
    expect(estimate.deductibleRemaining).toBeNull();
  });

  it('charges a copay with no deductible for an office visit', () => {
    const estimate = estimateEpisodeCost({
      plan: plan('CKP-EPO-200'),
      network: 'in',
      hasReferral: false,
      services: [
        {
          code: '99213',
          description: 'Office visit',
          category: 'sud-office-visit',
          units: 2,
          allowedPerUnit: 120,
        },
      ],
      accumulators: met(0, 0),
    });
    expect(estimate.lines[0]).toMatchObject({ deductible: 0, copay: 60, coinsurance: 0 });
    expect(estimate.memberPaysWithoutPreauthorization).toBeNull();
  });
});

describe('compareNetworkCosts', () => {
  it('prices the same episode cheaper in network than out of network', () => {
    const both = compareNetworkCosts({
      plan: plan('CKP-POS-300'),
      hasReferral: true,
      services: [detoxDays(5, 300, 450)],
      accumulators: met(750, 750),
    });
    // In: deductible met, 20% of $1,500 = $300. Out: OON deductible $1,500 not met → all $1,500 + $750 balance.
    expect(both.inNetwork.memberPays).toBe(300);
    expect(both.outOfNetwork.memberPays).toBe(2250);
  });
});
