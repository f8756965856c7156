import type { CareType } from '../network/network-schema.ts';
import { decideCoverage } from './benefit-rules.ts';
import type { BenefitCategory, CostShare, Plan } from './plan-schema.ts';

/** The benefit each kind of care is paid under. */
export const categoryOfCareType: Record<CareType, BenefitCategory> = {
  'ambulatory-detox': 'sud-ambulatory-detox',
  'intensive-outpatient': 'sud-intensive-outpatient',
  'outpatient-rehab': 'sud-outpatient-rehab',
  'opioid-treatment-program': 'sud-opioid-treatment-program',
  'moud-prescriber': 'sud-office-visit',
  'virtual-behavioral-care': 'sud-virtual-care',
};

const careNames: Record<CareType, string> = {
  'ambulatory-detox': 'Ambulatory detox programs',
  'intensive-outpatient': 'Intensive outpatient programs (IOPs)',
  'outpatient-rehab': 'Outpatient rehab centers',
  'opioid-treatment-program': 'Opioid treatment programs',
  'moud-prescriber': 'MOUD prescribers (office visits)',
  'virtual-behavioral-care': 'Virtual behavioral care',
};

/** A cost share in plain words: "$25 copay", "20% after the deductible", "no cost". */
export function describeCostShare(share: CostShare): string {
  const parts = [
    share.copay > 0 ? `$${share.copay} copay` : '',
    share.coinsurance > 0 ? `${Math.round(share.coinsurance * 100)}%` : '',
  ].filter(Boolean);
  if (parts.length === 0) return share.deductibleApplies ? 'no cost after the deductible' : 'no cost';
  return `${parts.join(' + ')}${share.deductibleApplies ? ' after the deductible' : ''}`;
}

export interface FacilityCoverageRow {
  careType: CareType;
  care: string;
  inNetwork: string;
  outOfNetwork: string;
  preauthorizationRequired: boolean;
  referralNeeded: boolean;
}

/** The coverage table for one plan: each kind of care, in network versus out of network, in plain words. */
export function summarizeFacilityCoverage(plan: Plan): FacilityCoverageRow[] {
  return (Object.keys(categoryOfCareType) as CareType[]).map((careType) => {
    const category = categoryOfCareType[careType];
    const inNet = decideCoverage(plan, { category, network: 'in', hasReferral: true });
    const outNet = decideCoverage(plan, { category, network: 'out', hasReferral: true });
    const withoutReferral = decideCoverage(plan, { category, network: 'in', hasReferral: false });
    return {
      careType,
      care: careNames[careType],
      inNetwork: inNet.kind === 'covered' ? `Covered: ${describeCostShare(inNet.costShare)}` : 'Not covered',
      outOfNetwork:
        outNet.kind === 'covered'
          ? `Covered at a higher cost: ${describeCostShare(outNet.costShare)}, plus any balance bill`
          : 'Not covered: you pay the whole bill',
      preauthorizationRequired: inNet.kind === 'covered' && inNet.preauthorizationRequired,
      referralNeeded: withoutReferral.kind !== 'covered' || withoutReferral.tier !== 'in',
    };
  });
}
