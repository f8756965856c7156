import type { AuditInput } from '../audit-event.ts';

/** A case manager's read of member `M{i}`, as the audit tests write it. */
export const auditInput = (i: number, outcome: AuditInput['outcome'] = 'success'): AuditInput => ({
  actorId: 'u1',
  actorUsername: 'someone',
  actorRole: 'case_manager',
  action: 'read',
  memberId: `M${i}`,
  resourceType: 'Member',
  resourceId: `M${i}`,
  purpose: 'treatment',
  outcome,
  requestId: `req-${i}`,
});
