import { z } from 'zod';

/** The four commercial plan types the plan offers. */
export const planTypes = ['HMO', 'EPO', 'POS', 'PPO'] as const;
export type PlanType = (typeof planTypes)[number];

/**
 * What each plan type means (the plan-type and cost tables of the product brief):
 * whether care must stay in network, whether a specialist visit needs a referral
 * from the primary care physician, and whether out-of-network care is covered.
 */
export const planTypeRules: Record<
  PlanType,
  { networkRequired: boolean; referralForSpecialists: boolean; outOfNetworkCovered: boolean }
> = {
  HMO: { networkRequired: true, referralForSpecialists: true, outOfNetworkCovered: false },
  EPO: { networkRequired: true, referralForSpecialists: false, outOfNetworkCovered: false },
  POS: { networkRequired: false, referralForSpecialists: true, outOfNetworkCovered: true },
  PPO: { networkRequired: false, referralForSpecialists: false, outOfNetworkCovered: true },
};

/**
 * Benefit categories. `kind` sorts them into medical/surgical versus substance-use
 * (SUD) benefits for the parity check; `classification` is the MHPAEA benefit
 * classification (29 CFR 2590.712(c)(2)(ii)) a category is compared within.
 */
export const benefitCategories = {
  'primary-care-visit': { kind: 'medical', classification: 'outpatient-office' },
  'specialist-visit': { kind: 'medical', classification: 'outpatient-office' },
  'outpatient-surgery': { kind: 'medical', classification: 'outpatient-other' },
  'outpatient-therapy': { kind: 'medical', classification: 'outpatient-other' },
  'home-health': { kind: 'medical', classification: 'outpatient-other' },
  'inpatient-medical': { kind: 'medical', classification: 'inpatient' },
  'sud-office-visit': { kind: 'sud', classification: 'outpatient-office' },
  'sud-ambulatory-detox': { kind: 'sud', classification: 'outpatient-other' },
  'sud-intensive-outpatient': { kind: 'sud', classification: 'outpatient-other' },
  'sud-outpatient-rehab': { kind: 'sud', classification: 'outpatient-other' },
  'sud-opioid-treatment-program': { kind: 'sud', classification: 'outpatient-other' },
  'sud-virtual-care': { kind: 'sud', classification: 'outpatient-office' },
  'sud-residential': { kind: 'sud', classification: 'inpatient' },
} as const satisfies Record<string, { kind: 'medical' | 'sud'; classification: string }>;
export type BenefitCategory = keyof typeof benefitCategories;
const categoryNames = Object.keys(benefitCategories) as [BenefitCategory, ...BenefitCategory[]];

const money = z.number().min(0).max(1_000_000);

/** How the member shares the cost of one service: copay per unit, coinsurance after the deductible. */
export const costShareSchema = z.object({
  copay: money.default(0),
  coinsurance: z.number().min(0).max(1).default(0),
  deductibleApplies: z.boolean().default(true),
});
export type CostShare = z.output<typeof costShareSchema>;

export const benefitSchema = z.object({
  category: z.enum(categoryNames),
  inNetwork: costShareSchema,
  /** null: not covered out of network. */
  outOfNetwork: costShareSchema.nullable().default(null),
  preauthorizationRequired: z.boolean().default(false),
  /** Visits or days a year; null = no limit. */
  annualLimit: z.number().int().positive().nullable().default(null),
});
export type Benefit = z.output<typeof benefitSchema>;

const tierSchema = z.object({ deductible: money, outOfPocketMax: money });

/** One plan as the plan file writes it. See `src/coverage/README.md` for the format. */
export const planSchema = z
  .object({
    planId: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'upper-case letters, digits and dashes'),
    name: z.string().min(1),
    planType: z.enum(planTypes),
    lineOfBusiness: z.enum(['commercial', 'medicare', 'medicaid']).default('commercial'),
    /** Grandfathered plans (ACA §1251) are exempt from the ACA's SUD benefit mandate. */
    grandfathered: z.boolean().default(false),
    /** 1 = the plan year is the calendar year. */
    planYearStartMonth: z.number().int().min(1).max(12).default(1),
    behavioralHealthCaseManagement: z.boolean(),
    /** The plan's behavioral-health line on the member's card (help and crisis); shown with 988 to members. */
    behavioralHealthLine: z
      .string()
      .regex(/^[0-9+() .-]{7,20}$/, 'a phone number')
      .nullable()
      .default(null),
    inNetwork: tierSchema,
    /** null: the plan pays nothing out of network (HMO, EPO). */
    outOfNetwork: tierSchema.nullable().default(null),
    benefits: z.array(benefitSchema).min(1),
  })
  .superRefine((plan, ctx) => {
    const rules = planTypeRules[plan.planType];
    if (!rules.outOfNetworkCovered && plan.outOfNetwork !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['outOfNetwork'],
        message: `an ${plan.planType} plan does not cover out-of-network care: set outOfNetwork to null`,
      });
    if (rules.outOfNetworkCovered && plan.outOfNetwork === null)
      ctx.addIssue({
        code: 'custom',
        path: ['outOfNetwork'],
        message: `a ${plan.planType} plan covers out-of-network care: give its deductible and out-of-pocket maximum`,
      });
    const seen = new Set<string>();
    plan.benefits.forEach((benefit, i) => {
      if (seen.has(benefit.category))
        ctx.addIssue({ code: 'custom', path: ['benefits', i, 'category'], message: 'listed twice' });
      seen.add(benefit.category);
      if (!rules.outOfNetworkCovered && benefit.outOfNetwork !== null)
        ctx.addIssue({
          code: 'custom',
          path: ['benefits', i, 'outOfNetwork'],
          message: `an ${plan.planType} plan does not cover out-of-network care`,
        });
    });
  });
export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

export const planFileSchema = z.object({
  format: z.literal('checkpoint-plans/1'),
  plans: z.array(planSchema).min(1),
});
