import { useState } from 'react';
import { ActionError } from '../ui/action-error.tsx';
import { type AuthorizationView, usePreauthAction } from './coverage-api.ts';

/** The submitting facility: answer a request for information, or withdraw an open request. */
export function FacilityActions({ a }: { a: AuthorizationView }) {
  const act = usePreauthAction(a.id);
  const [information, setInformation] = useState('');
  const [withdrawReason, setWithdrawReason] = useState('');
  const [withdrawing, setWithdrawing] = useState(false);
  const open = ['submitted', 'in_review', 'pended'].includes(a.status);
  if (!open) return null;
  return (
    <section className="panel" aria-labelledby="facility-actions-title">
      <h2 id="facility-actions-title">{a.status === 'pended' ? 'Information asked for' : 'Your request'}</h2>
      {a.status === 'pended' && (
        <>
          <p className="urgent-text">“{a.informationRequested}”</p>
          <label>
            Your answer
            <textarea value={information} onChange={(e) => setInformation(e.target.value)} />
          </label>
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={act.isPending || information.trim() === ''}
              onClick={() =>
                act.mutate({ version: a.version, action: { kind: 'provide-information', information } })
              }
            >
              Send information
            </button>
          </div>
        </>
      )}
      {withdrawing ? (
        <div className="confirm" role="alertdialog" aria-labelledby="withdraw-title">
          <p id="withdraw-title">
            <strong>Withdraw this request?</strong> It cannot be reopened; submit a new one if care is still
            needed.
          </p>
          <label>
            Why
            <textarea value={withdrawReason} onChange={(e) => setWithdrawReason(e.target.value)} />
          </label>
          <div className="row">
            <button
              type="button"
              disabled={act.isPending || withdrawReason.trim() === ''}
              onClick={() =>
                act.mutate({ version: a.version, action: { kind: 'withdraw', reason: withdrawReason } })
              }
            >
              Confirm: withdraw
            </button>
            <button type="button" onClick={() => setWithdrawing(false)}>
              Keep the request
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="link" onClick={() => setWithdrawing(true)}>
          Withdraw the request…
        </button>
      )}
      <ActionError error={act.error} />
    </section>
  );
}
