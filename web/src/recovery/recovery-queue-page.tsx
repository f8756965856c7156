import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, toQuery } from '../api/http.ts';
import type { Me } from '../api/session.ts';
import { hrefFor } from '../router.ts';
import { ErrorNotice } from '../ui/notice.tsx';
import type { Alert, FollowUp } from './recovery-api.ts';

const memberLink = (memberId: string) => (
  <a href={hrefFor({ kind: 'member', memberId })}>member {memberId}</a>
);

/**
 * The recovery queue: open §11 alerts with their response clocks and the aftercare
 * follow-ups that are due. A case manager sees their caseload's; a supervisor everyone's,
 * and by default only what is past its clock.
 */
export function RecoveryQueuePage({ me }: { me: Me }) {
  const [overdueOnly, setOverdueOnly] = useState(me.role === 'supervisor');
  const query = toQuery({ overdue: overdueOnly ? 'true' : undefined });
  const alerts = useQuery({
    queryKey: ['recovery-alerts', overdueOnly],
    queryFn: () => apiFetch<{ alerts: Alert[] }>(`/api/recovery/alerts${query}`),
  });
  const followUps = useQuery({
    queryKey: ['recovery-follow-ups', overdueOnly],
    queryFn: () => apiFetch<{ followUps: FollowUp[] }>(`/api/recovery/follow-ups${query}`),
  });
  const error = alerts.error ?? followUps.error;
  return (
    <div className="stack">
      <div className="row">
        <h1>{me.role === 'supervisor' ? 'Recovery: past their clock' : 'Recovery queue'}</h1>
        <span className="spacer" />
        <label className="check">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />{' '}
          Only past their clock
        </label>
      </div>
      {error && <ErrorNotice error={error} />}
      <section className="panel" aria-labelledby="queue-alerts">
        <h2 id="queue-alerts">Alerts ({alerts.data?.alerts.length ?? '…'})</h2>
        {alerts.data?.alerts.length === 0 && <p className="muted">None.</p>}
        <table>
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Signal</th>
              <th scope="col">Member</th>
              <th scope="col">Raised</th>
              <th scope="col">Respond by</th>
            </tr>
          </thead>
          <tbody>
            {alerts.data?.alerts.map((a) => (
              <tr key={a.alertId}>
                <td>
                  <span className={`badge${a.severity === 'urgent' ? ' urgent' : ''}`}>{a.severity}</span>
                </td>
                <td>{a.label}</td>
                <td>{memberLink(a.memberId)}</td>
                <td className="num">{a.raisedOn}</td>
                <td className="num">
                  {a.dueOn} {a.overdue && <span className="badge urgent">past its clock</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="queue-follow-ups">
        <h2 id="queue-follow-ups">Aftercare follow-ups ({followUps.data?.followUps.length ?? '…'})</h2>
        {followUps.data?.followUps.length === 0 && <p className="muted">None.</p>}
        <table>
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Member</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {followUps.data?.followUps.map((f) => (
              <tr key={f.followUpId}>
                <td>{f.label}</td>
                <td>{memberLink(f.memberId)}</td>
                <td className="num">
                  {f.dueOn} {f.overdue && <span className="badge urgent">past its day</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
