import { decideCoverage } from '../plans/benefit-rules.ts';
import type { BenefitCategory, Plan } from '../plans/plan-schema.ts';

/** One service of a planned episode, e.g. 5 days of H0014 ambulatory detox at $300 allowed a day. */
export interface PlannedService {
  code: string;
  description: string;
  category: BenefitCategory;
  units: number;
  /** The plan's allowed amount per unit (its negotiated or out-of-network allowed rate). */
  allowedPerUnit: number;
  /** The facility's charge per unit; above the allowed amount an out-of-network facility may bill the member. */
  billedPerUnit?: number;
}

/** Deductible and out-of-pocket already met this plan year, per network tier. */
export interface Accumulators {
  in: { deductibleMet: number; outOfPocketMet: number };
  out: { deductibleMet: number; outOfPocketMet: number };
}

export interface EstimateLine {
  code: string;
  description: string;
  units: number;
  allowed: number;
  covered: boolean;
  tier: 'in' | 'out' | null;
  deductible: number;
  copay: number;
  coinsurance: number;
  /** Charges above the allowed amount an out-of-network facility may bill; never counts toward the maximum. */
  balanceBill: number;
  /** The whole charge when the plan does not cover the service. */
  notCovered: number;
  memberPays: number;
  planPays: number;
  preauthorizationRequired: boolean;
  notes: string[];
}

export interface CostEstimate {
  planId: string;
  network: 'in' | 'out';
  lines: EstimateLine[];
  memberPays: number;
  planPays: number;
  /** What the member may owe if a required preauthorization is not obtained: every charge. */
  memberPaysWithoutPreauthorization: number | null;
  deductibleRemaining: { before: number; after: number } | null;
  outOfPocketRemaining: { before: number; after: number } | null;
  assumptions: string[];
}

const cents = (n: number): number => Math.round(n * 100) / 100;

/**
 * The member's expected out-of-pocket for a planned episode at a facility of the
 * given network status: deductible first, then copay per unit, then coinsurance on
 * the rest, capped at what remains of the out-of-pocket maximum; services run in
 * the order given.
 */
export function estimateEpisodeCost(input: {
  plan: Plan;
  network: 'in' | 'out';
  hasReferral: boolean;
  services: readonly PlannedService[];
  accumulators: Accumulators;
}): CostEstimate {
  const { plan } = input;
  const remaining = {
    in: {
      deductible: Math.max(0, plan.inNetwork.deductible - input.accumulators.in.deductibleMet),
      outOfPocket: Math.max(0, plan.inNetwork.outOfPocketMax - input.accumulators.in.outOfPocketMet),
    },
    out: plan.outOfNetwork
      ? {
          deductible: Math.max(0, plan.outOfNetwork.deductible - input.accumulators.out.deductibleMet),
          outOfPocket: Math.max(0, plan.outOfNetwork.outOfPocketMax - input.accumulators.out.outOfPocketMet),
        }
      : { deductible: 0, outOfPocket: 0 },
  };
  const before = structuredClone(remaining);
  const tiersUsed = new Set<'in' | 'out'>();
  const lines = input.services.map((service): EstimateLine => {
    const allowed = cents(service.units * service.allowedPerUnit);
    const billed = cents(service.units * (service.billedPerUnit ?? service.allowedPerUnit));
    const decision = decideCoverage(plan, {
      category: service.category,
      network: input.network,
      hasReferral: input.hasReferral,
    });
    const base = { code: service.code, description: service.description, units: service.units, allowed };
    if (decision.kind === 'not-covered')
      return {
        ...base,
        covered: false,
        tier: null,
        deductible: 0,
        copay: 0,
        coinsurance: 0,
        balanceBill: 0,
        notCovered: billed,
        memberPays: billed,
        planPays: 0,
        preauthorizationRequired: false,
        notes: [decision.reason],
      };
    const tier = decision.tier;
    tiersUsed.add(tier);
    const left = remaining[tier];
    const share = decision.costShare;
    let deductible = share.deductibleApplies ? Math.min(allowed, left.deductible) : 0;
    let copay = Math.min(allowed - deductible, share.copay * service.units);
    let coinsurance = cents((allowed - deductible - copay) * share.coinsurance);
    // The out-of-pocket maximum caps the member's share: coinsurance goes first, then copay, then deductible.
    let excess = Math.max(0, deductible + copay + coinsurance - left.outOfPocket);
    const notes = [...decision.notes];
    if (excess > 0)
      notes.push('The out-of-pocket maximum is reached: the plan pays the rest of this service.');
    for (const take of ['coinsurance', 'copay', 'deductible'] as const) {
      const amount = take === 'coinsurance' ? coinsurance : take === 'copay' ? copay : deductible;
      const cut = Math.min(amount, excess);
      excess -= cut;
      if (take === 'coinsurance') coinsurance = cents(coinsurance - cut);
      else if (take === 'copay') copay = cents(copay - cut);
      else deductible = cents(deductible - cut);
    }
    const memberShare = cents(deductible + copay + coinsurance);
    left.deductible = cents(left.deductible - deductible);
    left.outOfPocket = cents(left.outOfPocket - memberShare);
    const balanceBill = tier === 'out' && input.network === 'out' ? cents(Math.max(0, billed - allowed)) : 0;
    return {
      ...base,
      covered: true,
      tier,
      deductible,
      copay,
      coinsurance,
      balanceBill,
      notCovered: 0,
      memberPays: cents(memberShare + balanceBill),
      planPays: cents(allowed - memberShare),
      preauthorizationRequired: decision.preauthorizationRequired,
      notes,
    };
  });
  const tier = tiersUsed.size === 1 ? [...tiersUsed][0] : undefined;
  const needsPreauth = lines.some((l) => l.preauthorizationRequired);
  const sum = (pick: (l: EstimateLine) => number) => cents(lines.reduce((total, l) => total + pick(l), 0));
  return {
    planId: plan.planId,
    network: input.network,
    lines,
    memberPays: sum((l) => l.memberPays),
    planPays: sum((l) => l.planPays),
    memberPaysWithoutPreauthorization: needsPreauth
      ? cents(input.services.reduce((t, s) => t + s.units * (s.billedPerUnit ?? s.allowedPerUnit), 0))
      : null,
    deductibleRemaining: tier ? { before: before[tier].deductible, after: remaining[tier].deductible } : null,
    outOfPocketRemaining: tier
      ? { before: before[tier].outOfPocket, after: remaining[tier].outOfPocket }
      : null,
    assumptions: [
      'Amounts are estimates from the plan’s benefit table and the allowed amounts shown; the final amount comes from the claim.',
      'Services are applied in the order listed: deductible first, then copay per unit, then coinsurance.',
      ...(needsPreauth
        ? [
            'This care needs preauthorization: without it the plan may deny the claim and the member may owe the whole bill.',
          ]
        : []),
      ...(input.network === 'out'
        ? [
            'An out-of-network facility may bill the difference between its charge and the allowed amount (balance billing).',
          ]
        : []),
    ],
  };
}

/** The same episode priced in network and out of network, side by side. */
export function compareNetworkCosts(input: {
  plan: Plan;
  hasReferral: boolean;
  services: readonly PlannedService[];
  accumulators: Accumulators;
}): { inNetwork: CostEstimate; outOfNetwork: CostEstimate } {
  return {
    inNetwork: estimateEpisodeCost({ ...input, network: 'in' }),
    outOfNetwork: estimateEpisodeCost({ ...input, network: 'out' }),
  };
}
