/** What other domains and the composition layer use of privacy. */
export { activeConsentExists, findDisclosureConsents } from './active-consent.ts';
export { part2ClaimFilter } from './part2-filter.ts';
