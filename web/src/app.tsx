import type { ReactNode } from 'react';
import { analyticsHome } from './analytics/analytics-screens.tsx';
import { type Me, useMe } from './api/session.ts';
import { CasePage } from './call/case-page.tsx';
import { coverageHome, FindCareLink } from './coverage/coverage-screen.tsx';
import { familyHome } from './family/family-screens.tsx';
import { MemberPage } from './member/member-page.tsx';
import { pharmacistHome } from './pharmacist/pharmacist-screens.tsx';
import { ActivatePage } from './portal/activate-page.tsx';
import { type Route, useRoute } from './router.ts';
import { extraNav, extraScreens } from './screens.tsx';
import { Layout } from './shell/layout.tsx';
import { worksCases } from './shell/nav.ts';
import { SignInPage } from './shell/sign-in-page.tsx';
import { SupervisorPage } from './supervisor/supervisor-page.tsx';
import { Notice } from './ui/notice.tsx';
import { WorklistPage } from './worklist/worklist-page.tsx';

function NothingToWork({ me }: { me: Me }) {
  return (
    <Notice title="Nothing to work here">
      The outreach worklist is for case managers and supervisors.{' '}
      {extraNav.flatMap((entries) => entries(me.role)).length > 0
        ? 'Your tools are in the menu above.'
        : 'Your role has no screens in this workspace yet.'}
    </Notice>
  );
}

const notFound = (
  <Notice title="Page not found">
    <a href="#/worklist">Back to the start</a>
  </Notice>
);

/**
 * Which screen a route shows a user: the first entry that answers wins. Another domain's
 * paths come first, then the member view, then each role's home; the worklist is last.
 */
const screens: ReadonlyArray<(route: Route, me: Me) => ReactNode | undefined> = [
  (route, me) =>
    route.kind === 'other'
      ? (extraScreens.map((screen) => screen(route.parts, me)).find((node) => node !== undefined) ?? notFound)
      : undefined,
  (route) => (route.kind === 'member' ? <MemberPage memberId={route.memberId} /> : undefined),
  (_, me) => (worksCases(me.role) ? undefined : coverageHome(me)),
  (_, me) => pharmacistHome(me),
  (_, me) => familyHome(me),
  (_, me) => analyticsHome(me),
  (_, me) => (worksCases(me.role) ? undefined : <NothingToWork me={me} />),
  (route, me) => (route.kind === 'case' ? <CasePage caseId={route.caseId} me={me} /> : undefined),
  (route, me) => (route.kind === 'supervisor' && me.role === 'supervisor' ? <SupervisorPage /> : undefined),
  (_, me) => <WorklistPage me={me} />,
];

/** Signs the user in, then shows the screen the route names, within what the role may see. */
export function App() {
  const me = useMe();
  const route = useRoute();
  if (me.isPending) return <p className="loading page-pad">Loading…</p>;
  if (me.isError)
    return (
      <Notice tone="error" title="Checkpoint is not answering">
        Check your connection and reload the page.
      </Notice>
    );
  if (!me.data)
    return route.kind === 'other' && route.parts[0] === 'activate' ? <ActivatePage /> : <SignInPage />;
  const user = me.data;
  return (
    <Layout me={user} route={route}>
      <FindCareLink route={route} role={user.role} />
      {screens.map((screen) => screen(route, user)).find((node) => node !== undefined)}
    </Layout>
  );
}
