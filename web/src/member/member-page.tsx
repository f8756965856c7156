import { useMe } from '../api/session.ts';
import type { CaseWork, MemberView } from '../api/types.ts';
import { RecoveryPanel } from '../recovery/recovery-panel.tsx';
import { ErrorNotice } from '../ui/notice.tsx';
import { ClaimsTimeline } from './claims-timeline.tsx';
import { MemberSummary } from './member-summary.tsx';
import { MmeChart } from './mme-chart.tsx';
import { RiskEvidence } from './risk-evidence.tsx';
import { useMember } from './use-member.ts';

/** Member 360 on its own (no case open): who, coverage, risk with evidence, MME, claims. */
export function MemberPage({ memberId }: { memberId: string }) {
  const member = useMember(memberId);
  if (member.isError) return <ErrorNotice error={member.error} />;
  if (member.isPending) return <p className="loading">Loading the member…</p>;
  return (
    <div className="stack">
      {member.data.openCase && (
        <p>
          <a href={`#/cases/${encodeURIComponent(member.data.openCase.caseId)}`}>Open the outreach case</a>
        </p>
      )}
      <MemberSixty member={member.data} />
    </div>
  );
}

/** Who follows the member's treatment and recovery (the API's roles for it). */
const recoveryRoles: ReadonlySet<string> = new Set(['case_manager', 'supervisor']);

/** The member 360 panels, shared by the member page and the case page. */
export function MemberSixty({ member, plan }: { member: MemberView; plan?: CaseWork['plan'] | undefined }) {
  const me = useMe();
  return (
    <>
      <MemberSummary member={member} plan={plan} />
      {recoveryRoles.has(me.data?.role ?? '') && (
        <RecoveryPanel memberId={member.profile.memberId} caseId={member.openCase?.caseId} />
      )}
      <RiskEvidence member={member} />
      <section className="panel" aria-labelledby="mme-title">
        <h2 id="mme-title">Daily MME, last 12 months</h2>
        <MmeChart series={member.risk.dailyMme} />
      </section>
      <ClaimsTimeline member={member} />
    </>
  );
}
