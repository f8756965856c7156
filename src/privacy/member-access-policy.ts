import { visibleToCaseManager } from '../outreach/cases/case-queries.ts';
import type { CaseTables } from '../outreach/cases/case-tables.ts';
import type { SessionUser } from '../platform/auth/sessions.ts';
import type { OpsDb } from '../platform/db/ops-db.ts';
import type { AccessDecision, MemberAccessPolicy } from '../platform/http/request-access.ts';
import { findDisclosureConsents } from './active-consent.ts';

const deny = (reason: string): AccessDecision => ({ allowed: false, reason });

/**
 * Who may see which member (docs/privacy.md): plan staff for treatment, payment and
 * operations within their work; a member only themself; facility staff only with
 * the member's consent to their facility; analysts and admins never.
 */
export const memberAccessPolicy: MemberAccessPolicy = {
  async decide(db: OpsDb, user: SessionUser, memberId: string): Promise<AccessDecision> {
    switch (user.role) {
      case 'member':
        return user.memberId === memberId
          ? { allowed: true, purpose: 'member-access', includePart2: true }
          : deny('a member sees only their own record');
      case 'case_manager':
        return (await isOnCaseloadOrOpenWorklist(db, user.userId, memberId))
          ? { allowed: true, purpose: 'treatment', includePart2: true }
          : deny('not on caseload or open worklist');
      case 'supervisor':
        return (await hasAnyCase(db, memberId))
          ? { allowed: true, purpose: 'operations', includePart2: true }
          : deny('no outreach case for member');
      case 'clinical_pharmacist':
        return { allowed: true, purpose: 'operations', includePart2: true };
      case 'um_reviewer':
        return { allowed: true, purpose: 'payment', includePart2: true };
      case 'facility_staff': {
        if (!user.organization) return deny('facility user without a facility');
        const consent = await findDisclosureConsents(db, [memberId], {
          recipient: `org:${user.organization}`,
          purpose: 'treatment',
        });
        const scope = consent.get(memberId);
        return scope
          ? { allowed: true, purpose: 'disclosure', includePart2: scope === 'part2' }
          : deny('no consent to this facility');
      }
      case 'analyst':
        return deny('analysts never see member identifiers');
      case 'admin':
        return deny('administrators do not read member records');
    }
  },
};

async function isOnCaseloadOrOpenWorklist(db: OpsDb, userId: string, memberId: string): Promise<boolean> {
  const row = await db
    .withTables<CaseTables>()
    .selectFrom('outreach_case')
    .select('case_id')
    .where('member_id', '=', memberId)
    .where(visibleToCaseManager(userId))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function hasAnyCase(db: OpsDb, memberId: string): Promise<boolean> {
  const row = await db
    .withTables<CaseTables>()
    .selectFrom('outreach_case')
    .select('case_id')
    .where('member_id', '=', memberId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
