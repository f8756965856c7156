import type { WorklistItem } from '../api/types.ts';

/** One open, unassigned worklist case for tests. */
export const worklistItem: WorklistItem = {
  caseId: 'c1',
  memberId: 'M000001',
  market: 'BALTIMORE',
  priority: 120,
  status: 'open',
  assignedTo: null,
  latestEmergencyDate: null,
  openedAt: '2026-11-02T12:00:00.000Z',
  version: 1,
  emergencyKinds: [],
  riskFactorCodes: [],
  context: [],
};
