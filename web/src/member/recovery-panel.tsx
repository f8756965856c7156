import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/http.ts';
import { ErrorNotice } from '../ui/notice.tsx';

interface Goal {
  id: string;
  description: string;
  target: string;
  dueDate: string;
  status: string;
}
interface Service {
  requestId: string;
  service: string;
  performerName: string;
  status: string;
}
interface Plan {
  planId: string;
  category: string;
  status: string;
  version: number;
  content: { title: string; goals: Goal[] };
  services: Service[];
  history: { version: number; changedBy: string; changedAt: string }[];
}
interface Alert {
  alertId: string;
  label: string;
  severity: 'urgent' | 'high' | 'normal';
  raisedOn: string;
  dueOn: string;
  overdue: boolean;
  evidence: { detail: string; date: string };
  status: 'open' | 'resolved';
  resolutionNote: string | null;
}
interface RecoverySummary {
  plans: Plan[];
  sessions: { sessionId: string; date: string; service: string; attended: boolean }[];
  screens: { screenId: string; date: string; substance: string; positive: boolean }[];
  checkIns: {
    checkInId: string;
    submittedAt: string;
    mood: number;
    craving: number;
    usedLast7Days: boolean;
  }[];
  scores: { scoreId: string; display: string; score: number; band: string | null; effectiveAt: string }[];
  alerts: Alert[];
}

const words = (code: string) => code.replaceAll('_', ' ');

function ResolveAlert({ alert, memberId }: { alert: Alert; memberId: string }) {
  const [note, setNote] = useState('');
  const client = useQueryClient();
  const resolve = useMutation({
    mutationFn: () =>
      apiFetch(`/api/recovery/alerts/${encodeURIComponent(alert.alertId)}/resolve`, {
        method: 'POST',
        body: { note },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['recovery', memberId] }),
  });
  const id = `resolve-${alert.alertId}`;
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        resolve.mutate();
      }}
    >
      <label htmlFor={id}>What was done</label>
      <input id={id} value={note} onChange={(e) => setNote(e.target.value)} required maxLength={2000} />
      <button type="submit" disabled={resolve.isPending || note.trim() === ''}>
        Resolve
      </button>
      {resolve.isError && <ErrorNotice error={resolve.error} />}
    </form>
  );
}

/** The member's recovery: plan and goals, services and their status, alerts to act on, sessions, screens, check-ins, scores. */
export function RecoveryPanel({ memberId }: { memberId: string }) {
  const summary = useQuery({
    queryKey: ['recovery', memberId],
    queryFn: () => apiFetch<RecoverySummary>(`/api/members/${encodeURIComponent(memberId)}/recovery`),
  });
  if (summary.isError) return <ErrorNotice error={summary.error} />;
  if (summary.isPending) return <p className="loading">Loading recovery…</p>;
  const s = summary.data;
  const plan = s.plans.find((p) => p.status === 'active') ?? s.plans[0];
  const open = s.alerts.filter((a) => a.status === 'open');
  const attended = s.sessions.filter((x) => x.attended).length;
  const timeline = [
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
  ].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section className="panel" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Recovery</h2>
      <h3>Alerts</h3>
      {open.length === 0 ? (
        <p className="muted">No open alerts.</p>
      ) : (
        <ul className="stack">
          {open.map((a) => (
            <li key={a.alertId}>
              <span className={`badge${a.severity === 'urgent' ? ' urgent' : ''}`}>{a.severity}</span>{' '}
              <strong>{a.label}</strong>: {a.evidence.detail} ({a.evidence.date}) · respond by {a.dueOn}
              {a.overdue && <span className="badge urgent">past its clock</span>}
              <ResolveAlert alert={a} memberId={memberId} />
            </li>
          ))}
        </ul>
      )}
      <h3>Plan</h3>
      {plan ? (
        <>
          <p>
            {plan.content.title} · {plan.category} plan, {plan.status} · version {plan.version}
            {plan.history.at(-1) && (
              <span className="muted small">
                {' '}
                (last changed by {plan.history.at(-1)!.changedBy} on{' '}
                {plan.history.at(-1)!.changedAt.slice(0, 10)})
              </span>
            )}
          </p>
          <ul>
            {plan.content.goals.map((g) => (
              <li key={g.id}>
                {g.description}: {g.target} by {g.dueDate} · {words(g.status)}
              </li>
            ))}
          </ul>
          <h3>Services</h3>
          <ul>
            {plan.services.map((x) => (
              <li key={x.requestId}>
                {words(x.service)} with {x.performerName}: {words(x.status)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No treatment plan yet.</p>
      )}
      <h3>Progress</h3>
      <p>
        Sessions: {attended} attended, {s.sessions.length - attended} missed.
      </p>
      {s.scores.length > 0 && (
        <table>
          <caption>Screening scores over time</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Instrument</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {s.scores.map((x) => (
              <tr key={x.scoreId}>
                <td className="num">{x.effectiveAt.slice(0, 10)}</td>
                <td>{x.display}</td>
                <td className="num">
                  {x.score}
                  {x.band ? ` (${x.band})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ol className="timeline" aria-label="Sessions, screens and check-ins">
        {timeline.map((e) => (
          <li key={e.key}>
            <span className="num">{e.date}</span> <span>{e.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
