import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/http.ts';
import type { AttemptOutcome } from '../api/types.ts';
import { outcomeLabels } from '../call/attempt-form.tsx';
import { useCaseloads } from '../call/case-actions.tsx';
import { hrefFor } from '../router.ts';
import { ErrorNotice } from '../ui/notice.tsx';

interface PastDue {
  total: number;
  items: Array<{
    caseId: string;
    priority: number;
    openedAt: string;
    dueDate: string;
    assignedTo: string | null;
  }>;
}
interface Outcomes {
  date: string;
  attempts: number;
  byOutcome: Record<string, number>;
  byCaseManager: Array<{ name: string; attempts: number; reached: number }>;
  referrals: number;
}

/** Supervisors: caseloads per case manager, cases past the service level, and a day's outcomes. */
export function SupervisorPage() {
  const caseloads = useCaseloads();
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const pastDue = useQuery({
    queryKey: ['past-service-level'],
    queryFn: () => apiFetch<PastDue>('/api/supervisor/past-service-level?limit=50'),
  });
  const outcomes = useQuery({
    queryKey: ['outcomes', date],
    queryFn: () => apiFetch<Outcomes>(`/api/supervisor/outcomes?date=${date}`),
  });
  const names = new Map((caseloads.data?.caseloads ?? []).map((c) => [c.userId, c.name]));
  return (
    <div className="stack">
      <h1>Caseloads</h1>
      <section className="panel" aria-labelledby="loads-title">
        <h2 id="loads-title">Open cases per case manager</h2>
        {caseloads.isError ? (
          <ErrorNotice error={caseloads.error} />
        ) : (
          <table>
            <thead>
              <tr>
                <th>Case manager</th>
                <th className="num">Open</th>
                <th className="num">New</th>
                <th className="num">Outreach</th>
                <th className="num">Engaged</th>
                <th className="num">In treatment</th>
                <th className="num">Past service level</th>
              </tr>
            </thead>
            <tbody>
              {(caseloads.data?.caseloads ?? []).map((c) => (
                <tr key={c.userId ?? 'unassigned'}>
                  <td>{c.name}</td>
                  <td className="num">{c.open}</td>
                  <td className="num">{c.byStage.new ?? 0}</td>
                  <td className="num">{c.byStage.outreach ?? 0}</td>
                  <td className="num">{c.byStage.engaged ?? 0}</td>
                  <td className="num">{c.byStage.in_treatment ?? 0}</td>
                  <td className={`num${c.pastServiceLevel > 0 ? ' urgent-text' : ''}`}>
                    {c.pastServiceLevel}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="two-col">
        <section className="panel" aria-labelledby="late-title">
          <h2 id="late-title">Past service level ({pastDue.data?.total ?? '…'})</h2>
          <p className="muted small">Open cases with no attempt 2 business days after identification.</p>
          {pastDue.isError ? (
            <ErrorNotice error={pastDue.error} />
          ) : pastDue.data?.items.length === 0 ? (
            <p className="muted">None. Every case had its first attempt in time.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Case</th>
                  <th className="num">Priority</th>
                  <th>Due</th>
                  <th>Assignee</th>
                </tr>
              </thead>
              <tbody>
                {(pastDue.data?.items ?? []).map((c) => (
                  <tr key={c.caseId}>
                    <td>
                      <a href={hrefFor({ kind: 'case', caseId: c.caseId })}>Open case</a>
                    </td>
                    <td className="num">{c.priority}</td>
                    <td className="urgent-text">{c.dueDate}</td>
                    <td>{c.assignedTo ? (names.get(c.assignedTo) ?? c.assignedTo) : 'Unassigned'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="panel" aria-labelledby="outcomes-title">
          <div className="row">
            <h2 id="outcomes-title">Outcomes</h2>
            <label className="sr-only" htmlFor="outcome-date">
              Day
            </label>
            <input id="outcome-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          {outcomes.data && (
            <>
              <p>
                {outcomes.data.attempts} attempts, {outcomes.data.referrals} referrals.
              </p>
              <table>
                <tbody>
                  {Object.entries(outcomes.data.byOutcome).map(([o, n]) => (
                    <tr key={o}>
                      <td>{outcomeLabels[o as AttemptOutcome] ?? o}</td>
                      <td className="num">{n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3>By case manager</h3>
              <table>
                <tbody>
                  {outcomes.data.byCaseManager.map((p) => (
                    <tr key={p.name}>
                      <td>{p.name}</td>
                      <td className="num">{p.attempts} attempts</td>
                      <td className="num">{p.reached} reached</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
