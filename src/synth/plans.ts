import type { Amounts, LineOfBusiness, Plan } from './model.ts';

/**
 * The plans members enroll in. Commercial plan ids are those of the coverage
 * demo plans (src/coverage/demo/demo-plans.json) with the same deductibles, so a
 * cost estimate can follow a member's deductible from these claims.
 */
// biome-ignore format: one plan per line reads as a table
export const plans: readonly Plan[] = [
  { planId: 'CKP-HMO-100', name: 'Checkpoint Demo HMO 100', lineOfBusiness: 'commercial', planType: 'HMO', sopt: '511', payer: 'Checkpoint Health', deductible: 50_000, coinsurance: 0.2, officeCopay: 2_500, edCopay: 25_000, rxGenericCopay: 1_000, rxBrandCopay: 4_000 },
  { planId: 'CKP-EPO-200', name: 'Checkpoint Demo EPO 200', lineOfBusiness: 'commercial', planType: 'EPO', sopt: '514', payer: 'Checkpoint Health', deductible: 100_000, coinsurance: 0.2, officeCopay: 3_000, edCopay: 30_000, rxGenericCopay: 1_000, rxBrandCopay: 4_500 },
  { planId: 'CKP-POS-300', name: 'Checkpoint Demo POS 300', lineOfBusiness: 'commercial', planType: 'POS', sopt: '513', payer: 'Checkpoint Health', deductible: 75_000, coinsurance: 0.2, officeCopay: 2_500, edCopay: 25_000, rxGenericCopay: 1_000, rxBrandCopay: 4_000 },
  { planId: 'CKP-PPO-400', name: 'Checkpoint Demo PPO 400', lineOfBusiness: 'commercial', planType: 'PPO', sopt: '512', payer: 'Checkpoint Health', deductible: 150_000, coinsurance: 0.2, officeCopay: 3_000, edCopay: 35_000, rxGenericCopay: 1_500, rxBrandCopay: 5_000 },
  { planId: 'CKP-PPO-HD-500', name: 'Checkpoint Demo PPO High Deductible 500', lineOfBusiness: 'commercial', planType: 'PPO', sopt: '512', payer: 'Checkpoint Health', deductible: 300_000, coinsurance: 0.3, officeCopay: 4_000, edCopay: 0, rxGenericCopay: 1_500, rxBrandCopay: 6_000 },
  { planId: 'CKP-MA-HMO-600', name: 'Checkpoint Medicare Advantage HMO', lineOfBusiness: 'medicare', planType: 'HMO', sopt: '111', payer: 'Checkpoint Medicare Advantage', deductible: 0, coinsurance: 0.2, officeCopay: 1_000, edCopay: 9_000, rxGenericCopay: 500, rxBrandCopay: 4_700 },
  { planId: 'CKP-MA-PPO-700', name: 'Checkpoint Medicare Advantage PPO', lineOfBusiness: 'medicare', planType: 'PPO', sopt: '112', payer: 'Checkpoint Medicare Advantage', deductible: 25_000, coinsurance: 0.2, officeCopay: 2_000, edCopay: 9_000, rxGenericCopay: 500, rxBrandCopay: 4_700 },
  { planId: 'CKP-MCD-HMO-800', name: 'Checkpoint Community Medicaid HMO', lineOfBusiness: 'medicaid', planType: 'HMO', sopt: '211', payer: 'Checkpoint Community Plan', deductible: 0, coinsurance: 0, officeCopay: 0, edCopay: 0, rxGenericCopay: 100, rxBrandCopay: 300 },
];

const planById = new Map(plans.map((p) => [p.planId, p]));

/** The plan with this id; throws on an unknown id (a generator bug). */
export function planNamed(planId: string): Plan {
  const plan = planById.get(planId);
  if (!plan) throw new Error(`no plan ${planId}`);
  return plan;
}

/** Commercial plan types by share: PPO and HMO most, then POS and EPO, as in employer surveys. */
export const commercialPlanWeights: readonly (readonly [string, number])[] = [
  ['CKP-PPO-400', 0.3],
  ['CKP-PPO-HD-500', 0.12],
  ['CKP-HMO-100', 0.33],
  ['CKP-POS-300', 0.15],
  ['CKP-EPO-200', 0.1],
];

export const medicarePlanWeights: readonly (readonly [string, number])[] = [
  ['CKP-MA-HMO-600', 0.55],
  ['CKP-MA-PPO-700', 0.45],
];

export const lineOfBusinessWeights: readonly (readonly [LineOfBusiness, number])[] = [
  ['commercial', 0.85],
  ['medicare', 0.09],
  ['medicaid', 0.06],
];

export type CostShareKind = 'office' | 'ed' | 'deductible' | 'rx-generic' | 'rx-brand';

/**
 * Splits an allowed amount into what the member and the plan pay, spending the
 * member's deductible for the plan year as claims arrive in date order.
 */
export class DeductibleTracker {
  private readonly met = new Map<string, number>();

  /** The amounts of one line or fill, updating the deductible met for that plan and year. */
  share(plan: Plan, year: number, kind: CostShareKind, allowed: number, charge: number): Amounts {
    const key = `${plan.planId}:${year}`;
    const metSoFar = this.met.get(key) ?? 0;
    let copay = 0;
    let deductible = 0;
    let coinsurance = 0;
    if (kind === 'office') copay = Math.min(allowed, plan.officeCopay);
    else if (kind === 'ed') copay = Math.min(allowed, plan.edCopay);
    else if (kind === 'rx-generic') copay = Math.min(allowed, plan.rxGenericCopay);
    else if (kind === 'rx-brand') copay = Math.min(allowed, plan.rxBrandCopay);
    const rest = allowed - copay;
    if (kind === 'deductible' || (kind === 'ed' && plan.edCopay === 0)) {
      deductible = Math.min(rest, Math.max(0, plan.deductible - metSoFar));
      this.met.set(key, metSoFar + deductible);
      coinsurance = Math.round((rest - deductible) * plan.coinsurance);
    }
    return {
      charge,
      allowed,
      paid: allowed - copay - deductible - coinsurance,
      deductible,
      copay,
      coinsurance,
    };
  }
}
