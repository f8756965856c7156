/** What other domains and the composition layer use of outreach. */
export {
  isOnCaseManagerCaseload,
  listWatchedCases,
  memberHasCase,
  visibleToCaseManager,
  type WatchedCase,
} from './cases/case-queries.ts';
export { reopenCase } from './casework/casework-store.ts';
