import { type Benefit, benefitCategories, type CostShare, type Plan } from './plan-schema.ts';

/** One way a plan's substance-use benefits are more restrictive than its medical ones. */
export interface ParityFinding {
  planId: string;
  category: string;
  tier: 'in' | 'out';
  requirement:
    | 'copay'
    | 'coinsurance'
    | 'deductible'
    | 'annual-limit'
    | 'preauthorization'
    | 'out-of-network'
    | 'essential-benefit';
  /** violation: a quantitative test fails; review: a treatment limitation to justify (NQTL). */
  severity: 'violation' | 'review';
  message: string;
}

type Tier = 'in' | 'out';
const shareOf = (b: Benefit, tier: Tier): CostShare | null => (tier === 'in' ? b.inNetwork : b.outOfNetwork);

/**
 * The most restrictive level a SUD benefit may carry in a classification, by the
 * MHPAEA "substantially all / predominant" test (29 CFR 2590.712(c)(3)), each
 * medical benefit weighted equally because a plan file carries no claim dollars:
 * a requirement that applies to less than two-thirds of the medical benefits may
 * not apply to SUD at all; otherwise, combining levels from the most restrictive
 * down until they cover more than half, the least restrictive of them is the limit.
 */
export function findPredominantLevel(medicalLevels: readonly number[]): number {
  if (medicalLevels.length === 0) return 0;
  const subject = medicalLevels.filter((level) => level > 0).sort((a, b) => b - a);
  if (subject.length * 3 < medicalLevels.length * 2) return 0;
  let covered = 0;
  for (const level of subject) {
    covered += 1;
    if (covered * 2 > subject.length) return level;
  }
  return subject[subject.length - 1] ?? 0;
}

const quantitative = [
  { requirement: 'copay', level: (s: CostShare, _b: Benefit) => s.copay, show: (n: number) => `$${n}` },
  {
    requirement: 'coinsurance',
    level: (s: CostShare, _b: Benefit) => s.coinsurance,
    show: (n: number) => `${Math.round(n * 100)}%`,
  },
  {
    requirement: 'deductible',
    level: (s: CostShare, _b: Benefit) => (s.deductibleApplies ? 1 : 0),
    show: (n: number) => (n > 0 ? 'deductible applies' : 'no deductible'),
  },
  {
    requirement: 'annual-limit',
    // A smaller limit is more restrictive; no limit is the least restrictive level.
    level: (_s: CostShare, b: Benefit) => (b.annualLimit === null ? 0 : 1 / b.annualLimit),
    show: (n: number) => (n > 0 ? `${Math.round(1 / n)} a year` : 'no limit'),
  },
] as const;

/**
 * Outpatient SUD services a non-grandfathered plan must cover: mental health and
 * substance use disorder services are an essential health benefit (ACA §1302(b)(1)(E)).
 */
export const essentialSudCategories = [
  'sud-office-visit',
  'sud-ambulatory-detox',
  'sud-intensive-outpatient',
  'sud-outpatient-rehab',
] as const;

/**
 * Checks that no substance-use benefit is more restrictive than the medical
 * benefits of its classification, and that a non-grandfathered plan covers the
 * essential outpatient SUD services at all.
 */
export function checkParity(plan: Plan): ParityFinding[] {
  const findings: ParityFinding[] = [];
  if (!plan.grandfathered)
    for (const category of essentialSudCategories)
      if (!plan.benefits.some((b) => b.category === category))
        findings.push({
          planId: plan.planId,
          category,
          tier: 'in',
          requirement: 'essential-benefit',
          severity: 'violation',
          message: `${category} is not covered; a plan that is not grandfathered must cover substance use disorder services (ACA §1302(b)(1)(E)).`,
        });
  const sud = plan.benefits.filter((b) => benefitCategories[b.category].kind === 'sud');
  for (const benefit of sud) {
    const classification = benefitCategories[benefit.category].classification;
    const medical = plan.benefits.filter(
      (b) =>
        benefitCategories[b.category].kind === 'medical' &&
        benefitCategories[b.category].classification === classification,
    );
    for (const tier of ['in', 'out'] as const) {
      const sudShare = shareOf(benefit, tier);
      const medicalCovered = medical.filter((b) => shareOf(b, tier) !== null);
      const base = { planId: plan.planId, category: benefit.category, tier };
      if (sudShare === null) {
        if (medicalCovered.length > 0)
          findings.push({
            ...base,
            requirement: 'out-of-network',
            severity: 'violation',
            message: `${benefit.category} is not covered out of network although ${classification} medical care is.`,
          });
        continue;
      }
      if (medicalCovered.length === 0) continue;
      for (const q of quantitative) {
        const limit = findPredominantLevel(
          medicalCovered.map((b) => q.level(shareOf(b, tier) as CostShare, b)),
        );
        const actual = q.level(sudShare, benefit);
        if (actual > limit + 1e-9)
          findings.push({
            ...base,
            requirement: q.requirement,
            severity: 'violation',
            message: `${benefit.category} (${tier}-network) has ${q.show(actual)}; the predominant ${classification} medical level is ${q.show(limit)}.`,
          });
      }
      if (benefit.preauthorizationRequired && !medicalCovered.some((b) => b.preauthorizationRequired))
        findings.push({
          ...base,
          requirement: 'preauthorization',
          severity: 'review',
          message: `${benefit.category} needs preauthorization but no ${classification} medical benefit does: a treatment limitation the plan must show is comparable (29 CFR 2590.712(c)(4)).`,
        });
    }
  }
  return findings;
}
