import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { demoPlanIds, loadDemoPlans } from '../demo/demo-plans.ts';
import { parsePlanFile } from './load-plans.ts';

const onePlan = (overrides: Record<string, unknown>) =>
  JSON.stringify({
    format: 'checkpoint-plans/1',
    plans: [
      {
        planId: 'T-1',
        name: 'Test',
        planType: 'HMO',
        behavioralHealthCaseManagement: true,
        inNetwork: { deductible: 100, outOfPocketMax: 1000 },
        benefits: [{ category: 'primary-care-visit', inNetwork: { copay: 20 } }],
        ...overrides,
      },
    ],
  });

const issuesOf = (text: string) => {
  try {
    parsePlanFile(text, 'plans.json');
  } catch (error) {
    if (error instanceof AppError) return error.issues;
  }
  return [];
};

describe('parsePlanFile', () => {
  it('loads every demo plan', () => {
    expect(loadDemoPlans().map((p) => p.planId)).toEqual([...demoPlanIds]);
  });

  it('fills defaults: an in-network cost share with only a copay has no coinsurance and applies the deductible', () => {
    const [plan] = parsePlanFile(onePlan({}));
    expect(plan?.benefits[0]?.inNetwork).toEqual({ copay: 20, coinsurance: 0, deductibleApplies: true });
    expect(plan?.benefits[0]?.outOfNetwork).toBeNull();
  });

  it('rejects out-of-network coverage on an HMO with the path of the offending field', () => {
    expect(issuesOf(onePlan({ outOfNetwork: { deductible: 1, outOfPocketMax: 2 } }))).toEqual([
      { path: 'plans.0.outOfNetwork', message: expect.stringContaining('does not cover out-of-network') },
    ]);
  });

  it('requires out-of-network limits on a PPO', () => {
    expect(issuesOf(onePlan({ planType: 'PPO' }))).toEqual([
      { path: 'plans.0.outOfNetwork', message: expect.stringContaining('covers out-of-network') },
    ]);
  });

  it('reports every bad field at once', () => {
    const issues = issuesOf(onePlan({ planId: 'bad id', planType: 'HMOX', inNetwork: { deductible: -1 } }));
    expect(issues.map((i) => i.path).sort()).toEqual([
      'plans.0.inNetwork.deductible',
      'plans.0.inNetwork.outOfPocketMax',
      'plans.0.planId',
      'plans.0.planType',
    ]);
  });

  it('says when the text is not JSON', () => {
    expect(() => parsePlanFile('{nope', 'x.json')).toThrow('x.json is not valid JSON.');
  });
});
