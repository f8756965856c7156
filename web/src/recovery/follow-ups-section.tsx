import { useState } from 'react';
import { ActionError } from '../ui/action-error.tsx';
import { type FollowUp, post, useRecoveryWrite, words } from './recovery-api.ts';

const outcomes = {
  warm_handoff: [
    ['handoff_confirmed', 'Hand-off happened'],
    ['handoff_missed', 'Hand-off did not happen'],
  ],
  contact: [
    ['reached', 'Reached the member'],
    ['not_reached', 'Could not reach the member'],
  ],
} as const;

function CompleteFollowUp({ f, memberId }: { f: FollowUp; memberId: string }) {
  const choices = f.kind === 'warm_handoff' ? outcomes.warm_handoff : outcomes.contact;
  const [outcome, setOutcome] = useState<string>(choices[0][0]);
  const [note, setNote] = useState('');
  const done = useRecoveryWrite(memberId, () =>
    post(`/api/recovery/follow-ups/${encodeURIComponent(f.followUpId)}/complete`, { outcome, note }),
  );
  const id = `follow-up-${f.followUpId}`;
  return (
    <form
      className="row"
      aria-label={f.label}
      onSubmit={(e) => {
        e.preventDefault();
        done.mutate(undefined);
      }}
    >
      <label htmlFor={`${id}-outcome`}>Outcome</label>
      <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
        {choices.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>Note</label>
      <input
        id={`${id}-note`}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={2000}
        required
      />
      <button type="submit" disabled={done.isPending || note.trim() === ''}>
        Record {f.label.toLowerCase()}
      </button>
      {done.isError && <ActionError error={done.error} />}
    </form>
  );
}

/** The aftercare contacts: the warm hand-off and the 7-, 30- and 90-day follow-ups, open ones with a form. */
export function FollowUpsSection({ followUps, memberId }: { followUps: FollowUp[]; memberId: string }) {
  if (followUps.length === 0) return null;
  return (
    <>
      <h3>Aftercare follow-ups</h3>
      <ul className="stack">
        {followUps.map((f) => (
          <li key={f.followUpId}>
            <strong>{f.label}</strong> · due {f.dueOn}{' '}
            {f.status === 'done' ? (
              <span className="muted">
                done: {words(f.outcome ?? '')}
                {f.note ? ` — ${f.note}` : ''}
              </span>
            ) : (
              <>
                {f.overdue && <span className="badge urgent">past its day</span>}
                <CompleteFollowUp f={f} memberId={memberId} />
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
