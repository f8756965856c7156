import { isOnCaseManagerCaseload, memberHasCase } from './outreach/index.ts';
import type { AuditPurpose } from './platform/audit/audit-event.ts';
import type { SessionUser } from './platform/auth/sessions.ts';
import type { OpsDb } from './platform/db/ops-db.ts';
import type {
  AccessDecision,
  AccessIntent,
  AccessRequest,
  MemberAccessPolicy,
} from './platform/http/request-access.ts';
import { findDisclosureConsents, findSupporterShares } from './privacy/index.ts';
import { isReferredToFacility } from './recovery/index.ts';

const deny = (reason: string): AccessDecision => ({ allowed: false, reason });

/** Records of the system's own protection: sign-ins, refused routes, the audit log itself. */
const securityResources = new Set(['AuditEvent', 'Session', 'Route']);

/** Why each role's work is audited when it names no single member (HIPAA TPO). */
const rolePurpose: Record<SessionUser['role'], AuditPurpose> = {
  case_manager: 'treatment',
  supervisor: 'operations',
  clinical_pharmacist: 'operations',
  um_reviewer: 'payment',
  facility_staff: 'payment',
  member: 'member-access',
  analyst: 'operations',
  admin: 'operations',
  supporter: 'disclosure',
};

/**
 * Who may see which member (docs/privacy.md): plan staff for treatment, payment and
 * operations within their work; a member only themself; facility staff their own
 * facility's requests, reports about members referred to it, and other records only
 * with the member's consent to their facility; a supporter what the member's consent shares
 * with them; analysts and admins never. It lives where
 * the domains meet because it reads outreach's caseloads, privacy's consents and
 * recovery's referrals.
 */
export const memberAccessPolicy: MemberAccessPolicy = {
  purposeOf(user: SessionUser | null, intent: AccessIntent): AuditPurpose {
    if (intent.action === 'disclose') return 'disclosure';
    if (securityResources.has(intent.resourceType) || user === null) return 'security';
    return rolePurpose[user.role];
  },

  async decide(db: OpsDb, user: SessionUser, request: AccessRequest): Promise<AccessDecision> {
    const { memberId } = request;
    switch (user.role) {
      case 'member':
        return user.memberId === memberId
          ? { allowed: true, purpose: 'member-access', includePart2: true }
          : deny('a member sees only their own record');
      case 'case_manager':
        return (await isOnCaseManagerCaseload(db, user.userId, memberId))
          ? { allowed: true, purpose: 'treatment', includePart2: true }
          : deny('not on caseload or open worklist');
      case 'supervisor':
        return (await memberHasCase(db, memberId))
          ? { allowed: true, purpose: 'operations', includePart2: true }
          : deny('no outreach case for member');
      case 'clinical_pharmacist':
        return { allowed: true, purpose: 'operations', includePart2: true };
      case 'um_reviewer':
        return { allowed: true, purpose: 'payment', includePart2: true };
      case 'facility_staff': {
        if (!user.organization) return deny('facility user without a facility');
        // A facility's own request to the plan (a preauthorization it submits or answers).
        if (request.facilityNpi !== undefined && request.facilityNpi !== null)
          return request.facilityNpi === user.organization
            ? { allowed: true, purpose: 'payment', includePart2: true }
            : deny('another facility’s record');
        // A facility the member is referred to reports their sessions and screens (its own records).
        if (request.action === 'report')
          return (await isReferredToFacility(db, memberId, user.organization))
            ? { allowed: true, purpose: 'treatment', includePart2: false }
            : deny('member not referred to this facility');
        const consent = await findDisclosureConsents(db, [memberId], {
          recipient: `org:${user.organization}`,
          purpose: 'treatment',
        });
        const scope = consent.get(memberId);
        return scope
          ? { allowed: true, purpose: 'disclosure', includePart2: scope === 'part2' }
          : deny('no consent to this facility');
      }
      case 'supporter': {
        // Only what a consent in force today shares with this supporter, read on every request.
        const shares = await findSupporterShares(db, user.userId, memberId);
        return shares === null
          ? deny('no consent shares this member’s records with this supporter')
          : { allowed: true, purpose: 'disclosure', includePart2: true, shares };
      }
      case 'analyst':
        return deny('analysts never see member identifiers');
      case 'admin':
        return deny('administrators do not read member records');
    }
  },
};
