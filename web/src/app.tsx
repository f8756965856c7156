import { useMe } from './api/session.ts';
import { CasePage } from './call/case-page.tsx';
import { MemberPage } from './member/member-page.tsx';
import { useRoute } from './router.ts';
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
      {route.kind === 'member' ? (
        <MemberPage memberId={route.memberId} />
      ) : !worksCases(user.role) ? (
        <Notice title="Nothing to work here">
          The outreach workspace is for case managers and supervisors. Your role's tools are in their own
          workspace.
        </Notice>
      ) : route.kind === 'case' ? (
        <CasePage caseId={route.caseId} me={user} />
      ) : route.kind === 'supervisor' && user.role === 'supervisor' ? (
        <SupervisorPage />
      ) : route.kind === 'not-found' ? (
        <Notice title="Page not found">
          <a href="#/worklist">Back to the worklist</a>
        </Notice>
      ) : (
        <WorklistPage me={user} />
      )}
    </Layout>
  );
}
