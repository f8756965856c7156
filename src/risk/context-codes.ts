import type { RiskConfig } from './risk-config.ts';
import type { ContextCode, ExclusionCode } from './risk-types.ts';

/** A RISK-RULES §5 exclusion or context code: shown beside the factors, never one of them. */
export interface NoteDefinition<C extends string> {
  code: C;
  section: string;
  label: string;
  part2: boolean;
  rule(config: RiskConfig): string;
}

/** §5 Exclusions: a code in W365 that removes the prescribing factors. */
export const exclusionDefinitions: readonly NoteDefinition<ExclusionCode>[] = [
  {
    code: 'CANCER',
    section: 'RISK-RULES §5 exclusions',
    label: 'Cancer',
    part2: false,
    rule: (c) => `A cancer code (C00–C96, not C44) in the last ${c.windows.longDays} days.`,
  },
  {
    code: 'SICKLE_CELL',
    section: 'RISK-RULES §5 exclusions',
    label: 'Sickle cell',
    part2: false,
    rule: (c) => `A sickle-cell code (D57, not D57.3) in the last ${c.windows.longDays} days.`,
  },
  {
    code: 'HOSPICE_PALLIATIVE',
    section: 'RISK-RULES §5 exclusions',
    label: 'Hospice / palliative',
    part2: false,
    rule: (c) => `Hospice or palliative care in the last ${c.windows.longDays} days.`,
  },
];

/** §5 Context: shown to the case manager, not a risk factor. */
export const contextDefinitions: readonly NoteDefinition<ContextCode>[] = [
  {
    code: 'ON_MOUD',
    section: 'RISK-RULES §5 context',
    label: 'On MOUD',
    part2: true,
    rule: (c) =>
      `A MOUD fill covering, or an opioid treatment program service on, a day of the last ${c.windows.moudDays} days.`,
  },
  {
    code: 'NALOXONE_FILL',
    section: 'RISK-RULES §5 context',
    label: 'Has naloxone',
    part2: false,
    rule: (c) => `Naloxone filled in the last ${c.windows.longDays} days.`,
  },
];
