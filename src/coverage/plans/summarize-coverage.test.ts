import { describe, expect, it } from 'vitest';
import { loadDemoPlans } from '../demo/demo-plans.ts';
import type { Plan } from './plan-schema.ts';
import { describeCostShare, summarizeFacilityCoverage } from './summarize-coverage.ts';

const plan = (id: string) => loadDemoPlans().find((p) => p.planId === id) as Plan;

describe('summarizeFacilityCoverage', () => {
  it('shows an HMO covering detox in network only, with a referral and preauthorization', () => {
    expect(summarizeFacilityCoverage(plan('CKP-HMO-100'))[0]).toEqual({
      careType: 'ambulatory-detox',
      care: 'Ambulatory detox programs',
      inNetwork: 'Covered: 20% after the deductible',
      outOfNetwork: 'Not covered: you pay the whole bill',
      preauthorizationRequired: true,
      referralNeeded: true,
    });
  });

  it('shows a PPO covering IOP out of network at a higher cost, without a referral', () => {
    const iop = summarizeFacilityCoverage(plan('CKP-PPO-400')).find(
      (r) => r.careType === 'intensive-outpatient',
    );
    expect(iop).toMatchObject({
      outOfNetwork: 'Covered at a higher cost: 40% after the deductible, plus any balance bill',
      referralNeeded: false,
    });
  });

  it('needs no referral for virtual care or a MOUD office visit', () => {
    const rows = summarizeFacilityCoverage(plan('CKP-HMO-100'));
    expect(rows.filter((r) => !r.referralNeeded).map((r) => r.careType)).toEqual([
      'moud-prescriber',
      'virtual-behavioral-care',
    ]);
  });
});

describe('describeCostShare', () => {
  it('says copays, coinsurance and the deductible in plain words', () => {
    expect(describeCostShare({ copay: 25, coinsurance: 0, deductibleApplies: false })).toBe('$25 copay');
    expect(describeCostShare({ copay: 0, coinsurance: 0, deductibleApplies: false })).toBe('no cost');
    expect(describeCostShare({ copay: 10, coinsurance: 0.1, deductibleApplies: true })).toBe(
      '$10 copay + 10% after the deductible',
    );
  });
});
