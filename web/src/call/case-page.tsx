import { buildCallScript } from '../../../src/outreach/script/call-script.ts';
import type { Me } from '../api/session.ts';
import { MemberSixty } from '../member/member-page.tsx';
import { useCase, useCaseWork, useMember } from '../member/use-member.ts';
import { ErrorNotice } from '../ui/notice.tsx';
import { AttemptForm } from './attempt-form.tsx';
import { CallScriptPanel } from './call-script-panel.tsx';
import { toCallSituation } from './call-situation.ts';
import { CaseActions } from './case-actions.tsx';
import { CaseBar } from './case-bar.tsx';
import { CaseHistory, ReferralList } from './case-work-panels.tsx';
import { useCaseKeys } from './use-case-keys.ts';

/** A case: the member 360 on the left, the call and its record on the right. */
export function CasePage({ caseId, me }: { caseId: string; me: Me }) {
  useCaseKeys(caseId);
  const kase = useCase(caseId);
  const work = useCaseWork(caseId);
  const member = useMember(kase.data?.memberId);
  const error = kase.error ?? work.error ?? member.error;
  if (error) return <ErrorNotice error={error} />;
  if (!kase.data || !work.data) return <p className="loading">Loading the case…</p>;
  const script = buildCallScript(toCallSituation(kase.data, member.data, work.data));
  return (
    <div>
      <CaseBar kase={kase.data} work={work.data} />
      <div className="m360">
        <div className="col">
          {member.data ? (
            <MemberSixty member={member.data} plan={work.data.plan} />
          ) : (
            <p className="loading">Loading the member…</p>
          )}
        </div>
        <div className="col">
          {work.data.status === 'open' &&
            (member.data ? (
              <CallScriptPanel script={script} />
            ) : (
              <p className="loading">Preparing the call…</p>
            ))}
          {work.data.status === 'open' && (
            <AttemptForm
              caseId={caseId}
              suggested={script.suggestedReferrals}
              bhCaseManagement={work.data.plan?.behavioralHealthCaseManagement ?? false}
            />
          )}
          <ReferralList work={work.data} />
          <CaseActions work={work.data} me={me} />
          <CaseHistory work={work.data} />
        </div>
      </div>
    </div>
  );
}
