import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { referralKindLabels, referralKinds } from '../../../src/outreach/script/script-types.ts';
import { apiFetch } from '../api/http.ts';
import type { AttemptOutcome, ReferralKind } from '../api/types.ts';
import { ErrorNotice } from '../ui/notice.tsx';

export const outcomeLabels: Record<AttemptOutcome, string> = {
  reached: 'Reached',
  voicemail: 'Left voicemail',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
  declined: 'Declined',
  call_back: 'Asked to call back',
  deceased: 'Deceased',
};

interface AttemptResult {
  attemptId: string;
  case: { stage: string; status: string; version: number };
  nextAction: { kind: string; reason: string };
}

/** Records one attempt: when, how, the outcome, notes, next step, the next attempt, and referrals made. */
export function AttemptForm({
  caseId,
  suggested,
  bhCaseManagement,
}: {
  caseId: string;
  suggested: ReferralKind[];
  bhCaseManagement: boolean;
}) {
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<AttemptOutcome | ''>('');
  const [channel, setChannel] = useState('phone');
  const [notes, setNotes] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [nextAttemptAt, setNextAttemptAt] = useState('');
  const [referrals, setReferrals] = useState<Partial<Record<ReferralKind, 'proposed' | 'accepted'>>>({});
  const dirty = outcome !== '' || notes !== '' || nextStep !== '' || Object.keys(referrals).length > 0;

  // Warn before losing what was typed (UX: forms warn before losing input).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useMutation({
    mutationFn: () =>
      apiFetch<AttemptResult>(`/api/cases/${encodeURIComponent(caseId)}/attempts`, {
        method: 'POST',
        body: {
          outcome,
          channel,
          ...(notes ? { notes } : {}),
          ...(nextStep ? { nextStep } : {}),
          ...(nextAttemptAt ? { nextAttemptAt: new Date(nextAttemptAt).toISOString() } : {}),
          referrals: Object.entries(referrals).map(([kind, status]) => ({ kind, status })),
        },
      }),
    onSuccess: async () => {
      setOutcome('');
      setNotes('');
      setNextStep('');
      setNextAttemptAt('');
      setReferrals({});
      await Promise.all(
        ['case-work', 'case', 'worklist', 'worklist-work'].map((key) =>
          client.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (outcome) save.mutate();
  }

  const order = [...suggested, ...referralKinds.filter((k) => !suggested.includes(k))];
  const canRefer = outcome === 'reached' || outcome === 'call_back';
  return (
    <form className="panel stack" onSubmit={submit} aria-labelledby="attempt-title">
      <h2 id="attempt-title">Log this attempt</h2>
      <fieldset className="outcomes">
        <legend>Outcome</legend>
        {(Object.keys(outcomeLabels) as AttemptOutcome[]).map((o) => (
          <label key={o} className="choice">
            <input
              type="radio"
              name="outcome"
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {outcomeLabels[o]}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <label>
          Channel
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="phone">Phone</option>
            <option value="text">Text message</option>
            <option value="email">Secure email</option>
            <option value="in_person">In person</option>
          </select>
        </label>
        <label>
          Next attempt
          <input
            type="datetime-local"
            value={nextAttemptAt}
            onChange={(e) => setNextAttemptAt(e.target.value)}
          />
        </label>
        <label className="wide">
          Notes (what the member said and chose; no more than the work needs)
          <textarea value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        <label className="wide">
          Next step
          <input value={nextStep} onChange={(e) => setNextStep(e.target.value)} />
        </label>
      </div>
      {canRefer && (
        <fieldset className="referral-choices">
          <legend>
            Referrals{bhCaseManagement ? '' : ' (plan without BH case management: one-time referrals)'}
          </legend>
          {order.map((kind) => {
            const status = referrals[kind];
            return (
              <div key={kind} className="row">
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={status !== undefined}
                    onChange={(e) =>
                      setReferrals((r) => {
                        const next = { ...r };
                        if (e.target.checked) next[kind] = 'accepted';
                        else delete next[kind];
                        return next;
                      })
                    }
                  />
                  {referralKindLabels[kind]}
                  {suggested.includes(kind) && <span className="badge quiet">suggested</span>}
                </label>
                {status && (
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={status === 'accepted'}
                      onChange={(e) =>
                        setReferrals((r) => ({ ...r, [kind]: e.target.checked ? 'accepted' : 'proposed' }))
                      }
                    />
                    Member accepted
                  </label>
                )}
              </div>
            );
          })}
        </fieldset>
      )}
      {save.isError && <ErrorNotice error={save.error} />}
      {save.isSuccess && (
        <p role="status" className="saved">
          Saved. Case is now {save.data.case.stage.replace('_', ' ')}. {save.data.nextAction.reason}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={!outcome || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save attempt'}
        </button>
        {outcome === 'declined' && (
          <span className="muted small">
            Saving closes the case; the member will not be called again for 180 days.
          </span>
        )}
      </div>
    </form>
  );
}
