import type { ReactNode } from 'react';
import type { Me, Role } from '../api/session.ts';
import { useCase } from '../member/use-member.ts';
import { CrisisBanner, ResourcesPage } from '../portal/crisis-lines.tsx';
import { MyAuthorizationsPage, MyCarePage, MyPlanPage } from '../portal/portal-pages.tsx';
import { GoTo } from '../ui/go-to.tsx';
import { Notice } from '../ui/notice.tsx';
import { coverageHref, parseCoverageRoute } from './coverage-routes.ts';
import { FacilityRequestsPage } from './facility-requests-page.tsx';
import { FindCarePage } from './find-care-page.tsx';
import { MyPreauthPage } from './my-preauth-page.tsx';
import { PreauthDetailPage } from './preauth-detail-page.tsx';
import { PreauthForm } from './preauth-form.tsx';
import { ReviewQueuePage } from './review-queue-page.tsx';

const findsCare: readonly Role[] = ['case_manager', 'supervisor', 'um_reviewer'];
const seesRequests: readonly Role[] = [
  'um_reviewer',
  'supervisor',
  'facility_staff',
  'case_manager',
  'member',
];

function notForRole(): ReactNode {
  return (
    <Notice title="Not part of your role's work">
      This screen is for another role. Use the links at the top of the page.
    </Notice>
  );
}

/**
 * The screen for a coverage, preauthorization or member-portal path (`#/reviews` →
 * ['reviews']), or undefined when the path is not one of ours (web/src/screens.tsx).
 */
export function coverageScreen(parts: readonly string[], me: Me): ReactNode | undefined {
  const route = parseCoverageRoute(parts);
  if (!route) return undefined;
  const role = me.role;
  const portal = (page: ReactNode) =>
    role === 'member' ? (
      <>
        <CrisisBanner />
        {page}
      </>
    ) : (
      notForRole()
    );
  switch (route.kind) {
    case 'find-care':
      return findsCare.includes(role) ? <FindCarePage memberId={route.memberId} /> : notForRole();
    case 'review-queue':
      return role === 'um_reviewer' || role === 'supervisor' ? <ReviewQueuePage /> : notForRole();
    case 'facility-requests':
      return role === 'facility_staff' ? <FacilityRequestsPage /> : notForRole();
    case 'preauth-new':
      return role === 'facility_staff' ? <PreauthForm /> : notForRole();
    case 'preauth': {
      if (!seesRequests.includes(role)) return notForRole();
      if (role === 'member') return portal(<MyPreauthPage authorizationId={route.authorizationId} />);
      return <PreauthDetailPage authorizationId={route.authorizationId} role={role} />;
    }
    case 'my-plan':
      return portal(<MyPlanPage />);
    case 'my-care':
      return portal(<MyCarePage />);
    case 'my-authorizations':
      return portal(<MyAuthorizationsPage />);
    case 'help':
      return role === 'supporter' ? (
        <>
          <CrisisBanner />
          <ResourcesPage forMember={false} />
        </>
      ) : (
        portal(<ResourcesPage forMember />)
      );
  }
}

/** The start screen of a role whose work is here (reviewer, facility, member), or undefined. */
export function coverageHome(me: Me): ReactNode | undefined {
  const home = homes[me.role];
  return home ? <GoTo hash={home} /> : undefined;
}

const homes: Partial<Record<Role, string>> = {
  um_reviewer: '#/reviews',
  facility_staff: '#/requests',
  member: '#/home',
};

/** Navigation entries for the coverage and portal screens, by role. */
export function coverageNav(role: Role): Array<{ label: string; href: string }> {
  switch (role) {
    case 'supervisor':
      return [{ label: 'Preauthorizations', href: '#/reviews' }];
    case 'um_reviewer':
      return [{ label: 'Reviews', href: '#/reviews' }];
    case 'facility_staff':
      return [
        { label: 'Requests', href: '#/requests' },
        { label: 'New request', href: '#/requests/new' },
      ];
    default:
      return [];
  }
}

/** On a case or member screen, a way to "Find care" for that member (roles that refer members to care). */
export function FindCareLink({
  route,
  role,
}: {
  route: { kind: string; memberId?: string; caseId?: string };
  role: Role;
}) {
  if (!findsCare.includes(role)) return null;
  if (route.kind === 'member' && typeof route.memberId === 'string')
    return <CareLinkBar memberId={route.memberId} />;
  if (route.kind === 'case' && typeof route.caseId === 'string' && role !== 'um_reviewer')
    return <CaseCareLink caseId={route.caseId} />;
  return null;
}

function CaseCareLink({ caseId }: { caseId: string }) {
  const kase = useCase(caseId);
  return kase.data ? <CareLinkBar memberId={kase.data.memberId} /> : null;
}

function CareLinkBar({ memberId }: { memberId: string }) {
  return (
    <p className="care-link">
      <a href={coverageHref({ kind: 'find-care', memberId })}>
        Find care for this member: programs, eligibility, cost →
      </a>
    </p>
  );
}
