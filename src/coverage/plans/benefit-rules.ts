import {
  type Benefit,
  type BenefitCategory,
  type CostShare,
  type Plan,
  planTypeRules,
} from './plan-schema.ts';

/** Categories that are specialist care: under HMO and POS rules they need a primary-care referral. */
const specialistCategories: ReadonlySet<BenefitCategory> = new Set([
  'specialist-visit',
  'outpatient-surgery',
  'outpatient-therapy',
  'sud-ambulatory-detox',
  'sud-intensive-outpatient',
  'sud-outpatient-rehab',
  'sud-opioid-treatment-program',
  'sud-residential',
]);

export interface CareSetting {
  category: BenefitCategory;
  network: 'in' | 'out';
  hasReferral: boolean;
}

/** How a plan treats one kind of care: covered at which cost share, or not, and why. */
export type CoverageDecision =
  | {
      kind: 'covered';
      tier: 'in' | 'out';
      costShare: CostShare;
      benefit: Benefit;
      preauthorizationRequired: boolean;
      notes: string[];
    }
  | { kind: 'not-covered'; reason: string };

/** Applies the plan type's network and referral rules and the plan's benefit table to one kind of care. */
export function decideCoverage(plan: Plan, setting: CareSetting): CoverageDecision {
  const rules = planTypeRules[plan.planType];
  const benefit = plan.benefits.find((b) => b.category === setting.category);
  if (!benefit) return { kind: 'not-covered', reason: `${plan.name} has no ${setting.category} benefit.` };
  const needsReferral = rules.referralForSpecialists && specialistCategories.has(setting.category);
  const notes: string[] = [];
  let tier = setting.network;
  if (tier === 'in' && needsReferral && !setting.hasReferral) {
    // POS: without the PCP's referral the visit is paid at the out-of-network level ("requires referrals for in-network services").
    if (plan.planType === 'HMO')
      return {
        kind: 'not-covered',
        reason: 'An HMO covers specialist care only with a referral from the primary care physician.',
      };
    notes.push(
      'Without a referral from the primary care physician, a POS plan pays this at its out-of-network level.',
    );
    tier = 'out';
  } else if (needsReferral) {
    notes.push(`A ${plan.planType} plan needs a referral from the primary care physician for this care.`);
  }
  if (tier === 'out') {
    if (rules.networkRequired)
      return {
        kind: 'not-covered',
        reason: `An ${plan.planType} plan covers only in-network care (emergencies aside).`,
      };
    if (benefit.outOfNetwork === null)
      return {
        kind: 'not-covered',
        reason: `${plan.name} does not cover ${setting.category} out of network.`,
      };
    notes.push(
      'Out-of-network providers may bill the difference between their charge and the allowed amount.',
    );
    return {
      kind: 'covered',
      tier,
      costShare: benefit.outOfNetwork,
      benefit,
      preauthorizationRequired: benefit.preauthorizationRequired,
      notes,
    };
  }
  return {
    kind: 'covered',
    tier,
    costShare: benefit.inNetwork,
    benefit,
    preauthorizationRequired: benefit.preauthorizationRequired,
    notes,
  };
}
