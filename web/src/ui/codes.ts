/**
 * A code's plain name and the written rule behind it, for badges and their explanations. The
 * risk engine's codes come from the server (`rule-codes.ts`); other tables (lock-in criteria) pass their own.
 */
export interface CodeInfo {
  label: string;
  rule: string;
  section: string;
  /** Facts from substance-use diagnoses: protected by 42 CFR Part 2, not to be re-disclosed. */
  part2?: boolean;
}

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
