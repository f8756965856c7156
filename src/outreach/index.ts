/** What other domains and the composition layer use of outreach. */
export { isOnCaseManagerCaseload, memberHasCase } from './cases/case-queries.ts';
