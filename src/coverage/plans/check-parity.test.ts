import { describe, expect, it } from 'vitest';
import { loadDemoPlans } from '../demo/demo-plans.ts';
import { checkParity, findPredominantLevel } from './check-parity.ts';
import type { Plan } from './plan-schema.ts';

const [hmo] = loadDemoPlans() as [Plan];
const withBenefit = (plan: Plan, category: string, change: (b: Plan['benefits'][number]) => void): Plan => {
  const copy = structuredClone(plan);
  const benefit = copy.benefits.find((b) => b.category === category);
  if (!benefit) throw new Error(category);
  change(benefit);
  return copy;
};

describe('findPredominantLevel', () => {
  it('allows no requirement that applies to fewer than two-thirds of medical benefits', () => {
    expect(findPredominantLevel([40, 0, 0])).toBe(0);
  });
  it('takes the least restrictive level of the most restrictive levels covering more than half', () => {
    expect(findPredominantLevel([50, 25])).toBe(25);
    expect(findPredominantLevel([50, 50, 25])).toBe(50);
    expect(findPredominantLevel([60, 40, 30, 20])).toBe(30);
  });
});

describe('checkParity', () => {
  it('finds nothing wrong with the demo plans', () => {
    for (const plan of loadDemoPlans()) expect(checkParity(plan)).toEqual([]);
  });

  it('flags a SUD office copay higher than the predominant medical office copay', () => {
    const plan = withBenefit(hmo, 'sud-office-visit', (b) => {
      b.inNetwork.copay = 75;
    });
    expect(checkParity(plan)).toEqual([
      expect.objectContaining({
        category: 'sud-office-visit',
        requirement: 'copay',
        severity: 'violation',
        tier: 'in',
      }),
    ]);
  });

  it('flags a visit limit on ambulatory detox when outpatient medical care has none', () => {
    const plan = withBenefit(hmo, 'sud-ambulatory-detox', (b) => {
      b.annualLimit = 10;
    });
    expect(checkParity(plan).map((f) => f.requirement)).toEqual(['annual-limit']);
  });

  it('flags higher SUD coinsurance and a copay medical outpatient care does not carry', () => {
    const plan = withBenefit(hmo, 'sud-intensive-outpatient', (b) => {
      b.inNetwork = { copay: 20, coinsurance: 0.3, deductibleApplies: true };
    });
    expect(checkParity(plan).map((f) => f.requirement)).toEqual(['copay', 'coinsurance']);
  });

  it('asks for review when SUD care needs preauthorization and no comparable medical care does', () => {
    const noMedicalPreauth = ['outpatient-surgery', 'home-health'].reduce(
      (plan, category) =>
        withBenefit(plan, category, (b) => {
          b.preauthorizationRequired = false;
        }),
      hmo,
    );
    const plan = withBenefit(noMedicalPreauth, 'sud-outpatient-rehab', (b) => {
      b.preauthorizationRequired = true;
    });
    const requirements = checkParity(plan).map((f) => `${f.category}:${f.requirement}:${f.severity}`);
    expect(requirements).toContain('sud-outpatient-rehab:preauthorization:review');
    expect(requirements).toContain('sud-ambulatory-detox:preauthorization:review');
  });

  it('flags SUD care not covered out of network when the medical care of its class is', () => {
    const ppo = loadDemoPlans().find((p) => p.planType === 'PPO') as Plan;
    const plan = withBenefit(ppo, 'sud-intensive-outpatient', (b) => {
      b.outOfNetwork = null;
    });
    expect(checkParity(plan)).toEqual([
      expect.objectContaining({
        requirement: 'out-of-network',
        tier: 'out',
        category: 'sud-intensive-outpatient',
      }),
    ]);
  });

  it('flags a non-grandfathered plan that leaves out detox, but not a grandfathered one', () => {
    const plan = structuredClone(hmo);
    plan.benefits = plan.benefits.filter((b) => b.category !== 'sud-ambulatory-detox');
    expect(checkParity(plan)).toEqual([
      expect.objectContaining({
        category: 'sud-ambulatory-detox',
        requirement: 'essential-benefit',
        severity: 'violation',
      }),
    ]);
    expect(checkParity({ ...plan, grandfathered: true })).toEqual([]);
  });
});
