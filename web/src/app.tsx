import { useMe } from './api/session.ts';
import { CasePage } from './call/case-page.tsx';
import { coverageHome, FindCareLink } from './coverage/coverage-screen.tsx';
import { MemberPage } from './member/member-page.tsx';
import { pharmacistHome } from './pharmacist/pharmacist-screens.tsx';
import { useRoute } from './router.ts';
import { extraNav, extraScreens } from './screens.tsx';
import { Layout } from './shell/layout.tsx';
import { worksCases } from './shell/nav.ts';
import { SignInPage } from './shell/sign-in-page.tsx';
import { SupervisorPage } from './supervisor/supervisor-page.tsx';
import { Notice } from './ui/notice.tsx';
import { WorklistPage } from './worklist/worklist-page.tsx';

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
  if (!me.data) return <SignInPage />;
  const user = me.data;
  return (
    <Layout me={user} route={route}>
      <FindCareLink route={route} role={user.role} />
      {route.kind === 'other' ? (
        (extraScreens.map((screen) => screen(route.parts, user)).find((node) => node !== undefined) ?? (
          <Notice title="Page not found">
            <a href="#/worklist">Back to the start</a>
          </Notice>
        ))
      ) : route.kind === 'member' ? (
        <MemberPage memberId={route.memberId} />
      ) : !worksCases(user.role) && coverageHome(user) ? (
        coverageHome(user)
      ) : pharmacistHome(user) ? (
        pharmacistHome(user)
      ) : !worksCases(user.role) ? (
        <Notice title="Nothing to work here">
          The outreach worklist is for case managers and supervisors.{' '}
          {extraNav.flatMap((entries) => entries(user.role)).length > 0
            ? 'Your tools are in the menu above.'
            : 'Your role has no screens in this workspace yet.'}
        </Notice>
      ) : route.kind === 'case' ? (
        <CasePage caseId={route.caseId} me={user} />
      ) : route.kind === 'supervisor' && user.role === 'supervisor' ? (
        <SupervisorPage />
      ) : (
        <WorklistPage me={user} />
      )}
    </Layout>
  );
}
