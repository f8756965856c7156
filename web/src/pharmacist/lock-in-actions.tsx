import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { apiFetch } from '../api/http.ts';
import { ActionError } from '../ui/action-error.tsx';
import { ConfirmButton } from './confirm-button.tsx';
import { type LockIn, type LockInCommand, type LockInScope, todayIso } from './pharmacist-api.ts';
import { lockInStateLabels, openLockInStates, scopeLabels } from './pharmacist-words.ts';

/** The next steps a lock-in allows in its state (RISK-RULES §9); the server refuses any other. */
export function LockInActions({ lockIn }: { lockIn: LockIn }) {
  const client = useQueryClient();
  const [on, setOn] = useState(todayIso);
  const [done, setDone] = useState<string | null>(null);
  const transition = useMutation({
    mutationFn: (command: LockInCommand) =>
      apiFetch<{ lockIn: LockIn }>(`/api/lock-ins/${encodeURIComponent(lockIn.id)}/transitions`, {
        method: 'POST',
        body: { command, on },
      }),
    onSuccess: (result) => {
      setDone(`Saved. The lock-in is now: ${lockInStateLabels[result.lockIn.state]}.`);
      void client.invalidateQueries({ queryKey: ['lock-in', lockIn.id] });
      void client.invalidateQueries({ queryKey: ['lock-ins'] });
    },
    onMutate: () => setDone(null),
  });
  const run = (command: LockInCommand) => transition.mutate(command);
  const s = lockIn.state;
  const open = openLockInStates.includes(s);
  return (
    <section className="panel" aria-labelledby="actions-title">
      <header className="row">
        <h2 id="actions-title">Next step</h2>
        <span className="spacer" />
        <label>
          Recorded on <input type="date" value={on} onChange={(e) => setOn(e.target.value)} />
        </label>
      </header>
      {s === 'proposed' && <DecideForm busy={transition.isPending} onDecide={run} />}
      {s === 'decided' && (
        <ConfirmButton
          label="Send the initial notice"
          warning="The member is mailed a notice with 30 days to respond and name a preferred pharmacy and prescriber."
          busy={transition.isPending}
          onConfirm={() => run({ kind: 'send_initial_notice' })}
        />
      )}
      {s === 'initial_notice_sent' && (
        <div className="two-col">
          <ResponseForm busy={transition.isPending} onSave={run} />
          <SecondNoticeForm
            key={lockIn.memberResponse?.receivedOn ?? 'none'}
            lockIn={lockIn}
            on={on}
            busy={transition.isPending}
            onSend={run}
          />
        </div>
      )}
      {s === 'second_notice_sent' && (
        <div className="row">
          <button type="button" onClick={() => run({ kind: 'activate' })} disabled={transition.isPending}>
            Start the limitation now
          </button>
          <span className="muted small">
            The daily job starts it on {lockIn.effectiveFrom ?? 'its effective date'}.
          </span>
        </div>
      )}
      {(s === 'active' || s === 'extended') && (
        <Step title="Extend once (1–12 months)">
          <TextAction
            label="Extend"
            field="Rationale"
            withMonths
            disabled={lockIn.extendedOn !== null}
            busy={transition.isPending}
            onSubmit={(text, months) => run({ kind: 'extend', months, rationale: text })}
          />
        </Step>
      )}
      {(s === 'second_notice_sent' || s === 'active' || s === 'extended') && (
        <Step title="Appeal">
          <button
            type="button"
            disabled={transition.isPending}
            onClick={() => run({ kind: 'file_appeal', filedOn: on })}
          >
            Record an appeal filed on {on}
          </button>
        </Step>
      )}
      {s === 'appealed' && (
        <Step title="Appeal outcome">
          <AppealForm busy={transition.isPending} onDecide={run} />
        </Step>
      )}
      {(s === 'active' || s === 'extended') && (
        <Step title="Expiry">
          <button type="button" disabled={transition.isPending} onClick={() => run({ kind: 'expire' })}>
            Mark expired (after {lockIn.endsOn ?? 'the last day'})
          </button>
        </Step>
      )}
      {open && s !== 'proposed' && (
        <Step title="End the lock-in">
          <TextAction
            label="End lock-in"
            field="Reason"
            confirm="Ending removes the limitation for good. It cannot be undone."
            busy={transition.isPending}
            onSubmit={(text) => run({ kind: 'end', reason: text })}
          />
        </Step>
      )}
      {!open && <p className="muted">This lock-in is closed: nothing more to do.</p>}
      {transition.isError && <ActionError error={transition.error} />}
      {done && (
        <p role="status" className="saved">
          {done}
        </p>
      )}
    </section>
  );
}

function Step({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="lock-in-step">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

function DecideForm({ busy, onDecide }: { busy: boolean; onDecide: (c: LockInCommand) => void }) {
  const [choice, setChoice] = useState<LockInScope | 'no_action'>('pharmacy');
  const [rationale, setRationale] = useState('');
  const choices: Array<[LockInScope | 'no_action', string]> = [
    ...(Object.entries(scopeLabels) as Array<[LockInScope, string]>),
    ['no_action', 'No action'],
  ];
  return (
    <fieldset className="stack">
      <legend>Decision</legend>
      <div className="row" role="radiogroup" aria-label="Limit opioid coverage to">
        {choices.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="decision"
              checked={choice === value}
              onChange={() => setChoice(value)}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      <label>
        Rationale
        <textarea
          name="rationale"
          rows={3}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
        />
      </label>
      <div>
        <ConfirmButton
          label="Record decision"
          warning={
            choice === 'no_action'
              ? 'The member leaves the review queue with no lock-in. This cannot be undone.'
              : `Limit this member's opioid coverage to ${scopeLabels[choice].toLowerCase()}. The decision cannot be undone; the lock-in can later be ended.`
          }
          disabled={rationale.trim().length === 0}
          busy={busy}
          onConfirm={() =>
            onDecide(
              choice === 'no_action'
                ? { kind: 'decide_no_action', rationale: rationale.trim() }
                : { kind: 'decide', scope: choice, rationale: rationale.trim() },
            )
          }
        />
      </div>
    </fieldset>
  );
}

function ResponseForm({ busy, onSave }: { busy: boolean; onSave: (c: LockInCommand) => void }) {
  const [r, setR] = useState({ receivedOn: todayIso(), pharmacy: '', prescriber: '', note: '' });
  return (
    <div className="lock-in-step">
      <h3>The member's response</h3>
      <div className="form-grid">
        <label>
          Received on
          <input
            type="date"
            value={r.receivedOn}
            onChange={(e) => setR({ ...r, receivedOn: e.target.value })}
          />
        </label>
        <label>
          Preferred pharmacy NPI
          <input value={r.pharmacy} onChange={(e) => setR({ ...r, pharmacy: e.target.value })} />
        </label>
        <label>
          Preferred prescriber NPI
          <input value={r.prescriber} onChange={(e) => setR({ ...r, prescriber: e.target.value })} />
        </label>
        <label>
          Note
          <input value={r.note} onChange={(e) => setR({ ...r, note: e.target.value })} />
        </label>
      </div>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          onSave({
            kind: 'record_member_response',
            receivedOn: r.receivedOn,
            preferredPharmacyNpi: r.pharmacy.trim() || null,
            preferredPrescriberNpi: r.prescriber.trim() || null,
            note: r.note.trim() || null,
          })
        }
      >
        Record response
      </button>
    </div>
  );
}

function SecondNoticeForm({
  lockIn,
  on,
  busy,
  onSend,
}: {
  lockIn: LockIn;
  on: string;
  busy: boolean;
  onSend: (c: LockInCommand) => void;
}) {
  const [f, setF] = useState({
    effectiveFrom: on,
    pharmacy: lockIn.memberResponse?.preferredPharmacyNpi ?? '',
    prescriber: lockIn.memberResponse?.preferredPrescriberNpi ?? '',
  });
  const needsPharmacy = lockIn.scope === 'pharmacy' || lockIn.scope === 'both';
  const needsPrescriber = lockIn.scope === 'prescriber' || lockIn.scope === 'both';
  return (
    <div className="lock-in-step">
      <h3>Second notice and the limitation (12 months)</h3>
      <p className="muted small">
        After the member responds or the response date ({lockIn.responseDueOn ?? '—'}) passes.
      </p>
      <div className="form-grid">
        <label>
          Effective from
          <input
            type="date"
            value={f.effectiveFrom}
            onChange={(e) => setF({ ...f, effectiveFrom: e.target.value })}
          />
        </label>
        {needsPharmacy && (
          <label>
            Locked pharmacy NPI
            <input
              name="pharmacyNpi"
              value={f.pharmacy}
              onChange={(e) => setF({ ...f, pharmacy: e.target.value })}
            />
          </label>
        )}
        {needsPrescriber && (
          <label>
            Locked prescriber NPI
            <input
              name="prescriberNpi"
              value={f.prescriber}
              onChange={(e) => setF({ ...f, prescriber: e.target.value })}
            />
          </label>
        )}
      </div>
      <ConfirmButton
        label="Send the second notice"
        warning="The member is mailed the limitation and its dates. This cannot be undone."
        busy={busy}
        onConfirm={() =>
          onSend({
            kind: 'send_second_notice',
            effectiveFrom: f.effectiveFrom,
            pharmacyNpi: needsPharmacy ? f.pharmacy.trim() || null : null,
            prescriberNpi: needsPrescriber ? f.prescriber.trim() || null : null,
          })
        }
      />
    </div>
  );
}

function AppealForm({ busy, onDecide }: { busy: boolean; onDecide: (c: LockInCommand) => void }) {
  const [outcome, setOutcome] = useState<'upheld' | 'overturned'>('upheld');
  return (
    <div className="stack">
      <div className="row" role="radiogroup" aria-label="Appeal outcome">
        <label>
          <input
            type="radio"
            name="outcome"
            checked={outcome === 'upheld'}
            onChange={() => setOutcome('upheld')}
          />{' '}
          Upheld (the limitation continues)
        </label>
        <label>
          <input
            type="radio"
            name="outcome"
            checked={outcome === 'overturned'}
            onChange={() => setOutcome('overturned')}
          />{' '}
          Overturned (the lock-in ends)
        </label>
      </div>
      <TextAction
        label="Record appeal outcome"
        field="Rationale"
        confirm="The appeal outcome cannot be undone."
        busy={busy}
        onSubmit={(text) => onDecide({ kind: 'decide_appeal', outcome, rationale: text })}
      />
    </div>
  );
}

function TextAction({
  label,
  field,
  confirm,
  withMonths = false,
  disabled = false,
  busy,
  onSubmit,
}: {
  label: string;
  field: string;
  confirm?: string;
  withMonths?: boolean;
  disabled?: boolean;
  busy: boolean;
  onSubmit: (text: string, months: number) => void;
}) {
  const [text, setText] = useState('');
  const [months, setMonths] = useState(6);
  const ready = !disabled && text.trim().length > 0;
  return (
    <div className="row">
      {withMonths && (
        <label>
          Months{' '}
          <input
            type="number"
            min={1}
            max={12}
            value={months}
            onChange={(e) => setMonths(Number(e.target.value))}
          />
        </label>
      )}
      <label>
        {field} <input value={text} onChange={(e) => setText(e.target.value)} disabled={disabled} />
      </label>
      {confirm ? (
        <ConfirmButton
          label={label}
          warning={confirm}
          disabled={!ready}
          busy={busy}
          onConfirm={() => onSubmit(text.trim(), months)}
        />
      ) : (
        <button type="button" disabled={!ready || busy} onClick={() => onSubmit(text.trim(), months)}>
          {label}
        </button>
      )}
      {disabled && <span className="muted small">Already extended once.</span>}
    </div>
  );
}
