import { useState } from 'react';
import { ActionError } from '../ui/action-error.tsx';
import {
  type AuthorizationView,
  type PreauthAction,
  useLevelsOfCare,
  usePreauthAction,
} from './coverage-api.ts';
import { denialReasonLabels } from './coverage-words.ts';

type Choice = 'approve' | 'partially-approve' | 'deny' | 'pend';
const choiceWords: Record<Choice, string> = {
  approve: 'Approve',
  'partially-approve': 'Partially approve',
  deny: 'Deny',
  pend: 'Pend for information',
};

/**
 * The reviewer's decision: start the review, then approve, partially approve, deny with
 * a specific reason, or pend for information. A decision cannot be undone, so it is
 * confirmed first.
 */
export function DecisionForm({ a }: { a: AuthorizationView }) {
  const act = usePreauthAction(a.id);
  const levels = useLevelsOfCare();
  const [choice, setChoice] = useState<Choice>(a.suggestion === 'pend' ? 'pend' : 'approve');
  const [reason, setReason] = useState('');
  const [reasonCode, setReasonCode] = useState('medical-necessity-not-met');
  const [missed, setMissed] = useState<string[]>(() =>
    a.criteria.filter((c) => c.result === 'missed').map((c) => c.id),
  );
  const [units, setUnits] = useState<number[]>(() => a.services.map((s) => s.units));
  const [confirming, setConfirming] = useState(false);
  const send = (action: PreauthAction) => act.mutate({ version: a.version, action });

  if (a.status === 'submitted')
    return (
      <section className="panel" aria-labelledby="decide-title">
        <h2 id="decide-title">Review</h2>
        <p className="muted">Start the review to decide. The clock is already running.</p>
        <button
          type="button"
          className="primary"
          disabled={act.isPending}
          onClick={() => send({ kind: 'start-review' })}
        >
          Start review
        </button>
        <ActionError error={act.error} />
      </section>
    );
  const choices: Choice[] =
    a.status === 'pended' ? ['deny'] : ['approve', 'partially-approve', 'deny', 'pend'];
  const current = choices.includes(choice) ? choice : 'deny';
  const action = (): PreauthAction => {
    switch (current) {
      case 'approve':
        return { kind: 'approve' };
      case 'partially-approve':
        return { kind: 'partially-approve', approvedUnits: units, reason };
      case 'pend':
        return { kind: 'pend', informationRequested: reason };
      default:
        return {
          kind: 'deny',
          reasonCode,
          reason,
          ...(reasonCode === 'medical-necessity-not-met' ? { criteriaMissed: missed } : {}),
        };
    }
  };
  const isDecision = current !== 'pend';
  return (
    <section className="panel decide" aria-labelledby="decide-title">
      <h2 id="decide-title">Decision</h2>
      {a.status === 'pended' && (
        <p className="small">
          Waiting for the facility: “{a.informationRequested}”. If the information does not come before the
          clock runs out, deny for missing information.
        </p>
      )}
      <fieldset className="outcomes" disabled={confirming}>
        <legend>Outcome</legend>
        {choices.map((c) => (
          <label key={c} className="choice">
            <input type="radio" name="decision" checked={current === c} onChange={() => setChoice(c)} />
            {choiceWords[c]}
          </label>
        ))}
      </fieldset>
      {current === 'partially-approve' && (
        <div className="row">
          {a.services.map((s, i) => (
            <label key={`${s.code}-${s.startDate}`}>
              Units approved for {s.code} (of {s.units})
              <input
                type="number"
                min={0}
                max={s.units}
                value={units[i] ?? 0}
                disabled={confirming}
                onChange={(e) => setUnits(units.map((u, j) => (j === i ? Number(e.target.value) : u)))}
              />
            </label>
          ))}
        </div>
      )}
      {current === 'deny' && (
        <>
          <label>
            Reason
            <select value={reasonCode} disabled={confirming} onChange={(e) => setReasonCode(e.target.value)}>
              {(levels.data?.denialReasons ?? Object.keys(denialReasonLabels)).map((r) => (
                <option key={r} value={r}>
                  {denialReasonLabels[r] ?? r}
                </option>
              ))}
            </select>
          </label>
          {reasonCode === 'medical-necessity-not-met' && (
            <fieldset disabled={confirming}>
              <legend>Criteria not met</legend>
              {a.criteria
                .filter((c) => c.result !== 'met')
                .map((c) => (
                  <label key={c.id} className="choice">
                    <input
                      type="checkbox"
                      checked={missed.includes(c.id)}
                      onChange={(e) =>
                        setMissed(e.target.checked ? [...missed, c.id] : missed.filter((m) => m !== c.id))
                      }
                    />
                    {c.text}
                  </label>
                ))}
            </fieldset>
          )}
        </>
      )}
      {current !== 'approve' && (
        <label>
          {current === 'pend'
            ? 'Information needed (sent to the facility and the member)'
            : 'Specific reason the member and facility can act on (at least 20 characters)'}
          <textarea value={reason} disabled={confirming} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-title">
          <p id="confirm-title">
            <strong>{choiceWords[current]} this request?</strong> A decision cannot be undone. The member and
            the facility are notified.
          </p>
          <div className="row">
            <button type="button" className="primary" disabled={act.isPending} onClick={() => send(action())}>
              Confirm: {choiceWords[current].toLowerCase()}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Go back
            </button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={act.isPending}
            onClick={() => (isDecision ? setConfirming(true) : send(action()))}
          >
            {isDecision ? `${choiceWords[current]}…` : 'Send the request for information'}
          </button>
        </div>
      )}
      <ActionError error={act.error} />
    </section>
  );
}
