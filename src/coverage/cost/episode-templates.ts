import type { CareType, DirectoryEntry } from '../network/network-schema.ts';
import type { BenefitCategory } from '../plans/plan-schema.ts';
import type { PlannedService } from './estimate-cost.ts';

/** A typical first episode of each kind of care, priced at the provider's rates (demo assumptions, shown to the user). */
const templates: Record<
  CareType,
  { code: string; description: string; category: BenefitCategory; units: number }
> = {
  'ambulatory-detox': {
    code: 'H0014',
    description: 'Ambulatory withdrawal management, per day',
    category: 'sud-ambulatory-detox',
    units: 5,
  },
  'intensive-outpatient': {
    code: 'H0015',
    description: 'Intensive outpatient program, per day',
    category: 'sud-intensive-outpatient',
    units: 12,
  },
  'outpatient-rehab': {
    code: 'H0004',
    description: 'Individual counseling, per session',
    category: 'sud-outpatient-rehab',
    units: 8,
  },
  'opioid-treatment-program': {
    code: 'H0020',
    description: 'Methadone administration and services, per day',
    category: 'sud-opioid-treatment-program',
    units: 30,
  },
  'moud-prescriber': {
    code: '99213',
    description: 'Office visit for MOUD',
    category: 'sud-office-visit',
    units: 3,
  },
  'virtual-behavioral-care': {
    code: '90834',
    description: 'Psychotherapy by video, 45 minutes',
    category: 'sud-virtual-care',
    units: 4,
  },
};

/** The planned services of a typical episode at this provider, `units` overriding the template's. */
export function planEpisode(entry: DirectoryEntry, units?: number): PlannedService[] {
  const t = templates[entry.type];
  const rate = entry.rates.main;
  return [
    {
      code: t.code,
      description: t.description,
      category: t.category,
      units: units ?? t.units,
      allowedPerUnit: rate?.allowedPerUnit ?? 0,
      ...(rate ? { billedPerUnit: rate.billedPerUnit } : {}),
    },
  ];
}
