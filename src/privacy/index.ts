/** What other domains and the composition layer use of privacy. */
export { activeConsentExists, findDisclosureConsents } from './active-consent.ts';
export { consentResolver, listConsents, recordConsent } from './consent-store.ts';
export { part2ClaimFilter } from './part2-filter.ts';
export { toFhirConsent, toFhirRelatedPerson } from './privacy-fhir.ts';
export {
  relatedPersonRecipient,
  type ShareCategory,
  shareCategories,
  shareCategoryLabels,
} from './share-categories.ts';
export {
  addRelatedPerson,
  findSupporterShares,
  linkInvitedAccount,
  linkSupporterAccount,
  listRelatedPersons,
  listSupportedMembers,
  type RelatedPersonRow,
  relatedPersonResolver,
} from './support-network-store.ts';
