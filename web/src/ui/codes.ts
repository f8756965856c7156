/** Plain names and the written rule behind each code (RISK-RULES.md), for badges and their explanations. */
export interface CodeInfo {
  label: string;
  rule: string;
  section: string;
  /** Facts from substance-use diagnoses: protected by 42 CFR Part 2, not to be re-disclosed. */
  part2?: boolean;
}

export const riskFactorInfo: Record<string, CodeInfo> = {
  OUD_DIAGNOSIS: {
    label: 'OUD diagnosis',
    rule: 'An opioid use disorder code (F11.*) on a medical claim in the last 365 days.',
    section: 'RISK-RULES §5',
    part2: true,
  },
  OPIOID_OVERDOSE_HISTORY: {
    label: 'Overdose history',
    rule: 'An opioid overdose code on a medical claim in the last 365 days.',
    section: 'RISK-RULES §5',
  },
  HIGH_MME: {
    label: 'High MME',
    rule: 'An opioid episode in the last 180 days and an average daily MME of 90 or more over those 180 days.',
    section: 'RISK-RULES §5',
  },
  MULTIPLE_PRESCRIBERS_PHARMACIES: {
    label: 'Many prescribers & pharmacies',
    rule: 'Opioid fills in the last 180 days from 4 or more prescribers and 4 or more pharmacies.',
    section: 'RISK-RULES §5',
  },
  OPIOID_BENZO_OVERLAP: {
    label: 'Opioid + benzodiazepine',
    rule: 'An opioid episode, 2 or more benzodiazepine fills, and 30 or more days covered by both in the last 180 days.',
    section: 'RISK-RULES §5',
  },
  LONG_TERM_OPIOID: {
    label: 'Long-term opioid',
    rule: '90 or more days covered by an opioid fill in the last 180 days.',
    section: 'RISK-RULES §5',
  },
  OTHER_SUD_DIAGNOSIS: {
    label: 'Other SUD diagnosis',
    rule: 'A substance use disorder code other than opioids or nicotine on a medical claim in the last 365 days.',
    section: 'RISK-RULES §5',
    part2: true,
  },
};

export const emergencyInfo: Record<string, CodeInfo> = {
  OPIOID_OVERDOSE: {
    label: 'Overdose',
    rule: 'An opioid overdose code (T40.x, initial encounter) in any setting in the last 90 days.',
    section: 'RISK-RULES §6',
  },
  ED_VISIT: {
    label: 'ED visit',
    rule: 'An emergency department visit (revenue 045x/0981, CPT 99281–99285, G0380–G0384, or POS 23) in the last 90 days.',
    section: 'RISK-RULES §6',
  },
  EMERGENCY_ADMISSION: {
    label: 'Emergency admission',
    rule: 'An inpatient stay with admission type 1 (emergency) in the last 90 days.',
    section: 'RISK-RULES §6',
  },
  EMERGENCY_TRANSPORT: {
    label: 'Ambulance',
    rule: 'Emergency ambulance transport (A0427, A0429, A0433, A0434) in the last 90 days.',
    section: 'RISK-RULES §6',
  },
};

export const contextInfo: Record<string, CodeInfo> = {
  ON_MOUD: {
    label: 'On MOUD',
    rule: 'A MOUD fill covering, or an opioid treatment program service on, a day of the last 30 days.',
    section: 'RISK-RULES §5 context',
    part2: true,
  },
  NALOXONE_FILL: {
    label: 'Has naloxone',
    rule: 'Naloxone filled in the last 365 days.',
    section: 'RISK-RULES §5 context',
  },
  CANCER: {
    label: 'Cancer',
    rule: 'A cancer code (C00–C96, not C44) in the last 365 days.',
    section: 'RISK-RULES §5 exclusions',
  },
  SICKLE_CELL: {
    label: 'Sickle cell',
    rule: 'A sickle-cell code (D57, not D57.3) in the last 365 days.',
    section: 'RISK-RULES §5 exclusions',
  },
  HOSPICE: {
    label: 'Hospice / palliative',
    rule: 'Hospice or palliative care in the last 365 days.',
    section: 'RISK-RULES §5 exclusions',
  },
};

/** The info for a code, or a neutral fallback that shows the code itself. */
export function describeCode(table: Record<string, CodeInfo>, code: string): CodeInfo {
  return table[code] ?? { label: code.replaceAll('_', ' ').toLowerCase(), rule: code, section: 'RISK-RULES' };
}

export const statusLabels: Record<string, string> = {
  new: 'New',
  outreach: 'Outreach',
  engaged: 'Engaged',
  in_treatment: 'In treatment',
  closed: 'Closed',
};
