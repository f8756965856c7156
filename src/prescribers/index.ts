/** What other domains and the composition layer use of prescribers. */
export { generateLetters } from './letters/generate-letters.ts';
export { readMemberIdentities, readPart2ClaimIds } from './letters/letter-warehouse.ts';
export { collectMonitoring } from './letters/prescriber-monitoring.ts';
export { createLockInProposal, runLockInDailyJob } from './lock-in/lock-in-service.ts';
export { listLockIns, prescriberDb } from './lock-in/lock-in-store.ts';
export { findReviewCandidates } from './lock-in/review-candidates.ts';
export { addPharmacyCheckClient } from './pharmacy-check/pharmacy-check-clients.ts';
