/**
 * What a member may share with a family member or supporter, one category at a time
 * (42 CFR 2.31(a)(3): how much and what kind of information). Everything here comes from
 * SUD treatment records, so a supporter's consent always covers Part 2 for what it names.
 */
export const shareCategories = [
  'appointments',
  'plan-goals',
  'services',
  'care-team',
  'check-ins',
  'screen-results',
] as const;
export type ShareCategory = (typeof shareCategories)[number];

export const shareCategoryLabels: Record<ShareCategory, string> = {
  appointments: 'Appointments: upcoming and attended sessions',
  'plan-goals': 'Treatment plan goals',
  services: 'Services and referrals, and their status',
  'care-team': 'Care team and how to reach them',
  'check-ins': 'Check-ins: mood and cravings',
  'screen-results': 'Drug screen results',
};

/** The recipient a supporter's consent names. */
export function relatedPersonRecipient(relatedPersonId: string): string {
  return `related-person:${relatedPersonId}`;
}
