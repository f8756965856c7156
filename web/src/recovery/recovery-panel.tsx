import { useState } from 'react';
import { useMe } from '../api/session.ts';
import { ErrorNotice } from '../ui/notice.tsx';
import { AlertsSection } from './alerts-section.tsx';
import { AssessmentForm } from './assessment-form.tsx';
import { DischargeForm } from './discharge-form.tsx';
import { FollowUpsSection } from './follow-ups-section.tsx';
import { MemberAccountSection } from './member-account-section.tsx';
import { MessageThread } from './message-thread.tsx';
import { PlanSection } from './plan-section.tsx';
import { type RecoverySummary, useRecovery, words } from './recovery-api.ts';
import { AttendanceChart, ScoresChart } from './recovery-charts.tsx';
import { SupportNetworkSection } from './support-network-section.tsx';

function timeline(s: RecoverySummary) {
  return [
    ...s.sessions.map((x) => ({
      key: x.sessionId,
      date: x.date,
      text: `${words(x.service)} session: ${x.attended ? 'attended' : 'missed'}`,
    })),
    ...s.screens.map((x) => ({
      key: x.screenId,
      date: x.date,
      text: `drug screen: ${x.positive ? 'positive' : 'negative'} for ${words(x.substance)}`,
    })),
    ...s.checkIns.map((x) => ({
      key: x.checkInId,
      date: x.submittedAt.slice(0, 10),
      text: `check-in: mood ${x.mood} of 10, craving ${x.craving} of 10${x.usedLast7Days ? ', use in the last 7 days' : ''}`,
    })),
    ...s.alerts.map((x) => ({
      key: x.alertId,
      date: x.raisedOn,
      text: `alert: ${x.label}${x.status === 'resolved' ? ' (resolved)' : ''}`,
    })),
  ].sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * The member's recovery in the member 360: alerts to act on, the plans with their goals and
 * services, aftercare follow-ups, the support network, charts of attendance and scores, and
 * one timeline of sessions, screens, check-ins and signals. Case managers also write here.
 */
export function RecoveryPanel({ memberId, caseId }: { memberId: string; caseId: string | undefined }) {
  const summary = useRecovery(memberId);
  const me = useMe();
  const [form, setForm] = useState<'assessment' | 'discharge' | null>(null);
  if (summary.isError) return <ErrorNotice error={summary.error} />;
  if (summary.isPending) return <p className="loading">Loading recovery…</p>;
  const s = summary.data;
  const writes = me.data?.role === 'case_manager';
  const inTreatment = s.plans.some((p) => p.status === 'active' && p.category === 'treatment');
  const attended = s.sessions.filter((x) => x.attended).length;
  return (
    <section className="panel" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Recovery</h2>
      <AlertsSection alerts={s.alerts} memberId={memberId} />
      {writes && (
        <div className="row">
          <button type="button" onClick={() => setForm('assessment')} disabled={form !== null}>
            Start an assessment
          </button>
          {caseId && inTreatment && (
            <button type="button" onClick={() => setForm('discharge')} disabled={form !== null}>
              Discharge into aftercare
            </button>
          )}
        </div>
      )}
      {form === 'assessment' && <AssessmentForm memberId={memberId} onDone={() => setForm(null)} />}
      {form === 'discharge' && caseId && (
        <DischargeForm memberId={memberId} caseId={caseId} onDone={() => setForm(null)} />
      )}
      <PlanSection plans={s.plans} memberId={memberId} caseId={caseId} />
      <FollowUpsSection followUps={s.followUps} memberId={memberId} />
      <h3>Progress</h3>
      <p>
        Sessions: {attended} attended, {s.sessions.length - attended} missed.
      </p>
      <AttendanceChart sessions={s.sessions} />
      <ScoresChart scores={s.scores} />
      <h3>Timeline</h3>
      <ol className="timeline" aria-label="Sessions, screens, check-ins and alerts">
        {timeline(s).map((e) => (
          <li key={e.key}>
            <span className="num">{e.date}</span> <span>{e.text}</span>
          </li>
        ))}
      </ol>
      <SupportNetworkSection memberId={memberId} />
      <MessageThread memberId={memberId} forMember={false} writes={writes} />
      {writes && <MemberAccountSection memberId={memberId} />}
    </section>
  );
}
