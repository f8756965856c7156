/** What other domains and the composition layer use of outreach. */
export {
  caseResolver,
  isOnCaseManagerCaseload,
  listWatchedCases,
  memberHasCase,
  visibleToCaseManager,
  type WatchedCase,
} from './cases/case-queries.ts';
export { readCaseTasks } from './casework/case-tasks.ts';
export { changeCaseStage, reopenCase } from './casework/casework-store.ts';
