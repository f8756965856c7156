import { useState } from 'react';
import { ActionError } from '../ui/action-error.tsx';
import { type Alert, post, useRecoveryWrite } from './recovery-api.ts';

function ResolveAlert({ alert, memberId }: { alert: Alert; memberId: string }) {
  const [note, setNote] = useState('');
  const resolve = useRecoveryWrite(memberId, () =>
    post(`/api/recovery/alerts/${encodeURIComponent(alert.alertId)}/resolve`, { note }),
  );
  const id = `resolve-${alert.alertId}`;
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        resolve.mutate(undefined);
      }}
    >
      <label htmlFor={id}>What was done</label>
      <input id={id} value={note} onChange={(e) => setNote(e.target.value)} required maxLength={2000} />
      <button type="submit" disabled={resolve.isPending || note.trim() === ''}>
        Resolve
      </button>
      {resolve.isError && <ActionError error={resolve.error} />}
    </form>
  );
}

/** The member's open recovery alerts (RISK-RULES §11), each with its clock and a way to resolve it. */
export function AlertsSection({ alerts, memberId }: { alerts: Alert[]; memberId: string }) {
  const open = alerts.filter((a) => a.status === 'open');
  return (
    <>
      <h3>Alerts</h3>
      {open.length === 0 ? (
        <p className="muted">No open alerts.</p>
      ) : (
        <ul className="stack" aria-label="Open alerts">
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
    </>
  );
}
