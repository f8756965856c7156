import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/http.ts';
import { ActionError } from '../ui/action-error.tsx';
import { ErrorNotice } from '../ui/notice.tsx';
import { post, useRecoveryWrite } from './recovery-api.ts';

interface QItem {
  linkId: string;
  text: string;
  type: 'group' | 'choice' | 'integer' | 'boolean' | 'date' | 'string';
  item?: QItem[];
  answerOption?: { valueCoding: { code: string; display: string } }[];
}
type Answer = string | number | boolean;
interface Saved {
  assessmentId: string;
  scores: { display: string; score: number; band: string | null }[];
  notScored: { instrument: string; reason: string }[];
}

function Field({
  item,
  value,
  onChange,
}: {
  item: QItem;
  value: Answer | undefined;
  onChange: (v: Answer | undefined) => void;
}) {
  const id = `q-${item.linkId}`;
  const label = <label htmlFor={id}>{item.text}</label>;
  switch (item.type) {
    case 'choice':
      return (
        <div className="field">
          {label}
          <select id={id} value={String(value ?? '')} onChange={(e) => onChange(e.target.value || undefined)}>
            <option value="">Not answered</option>
            {item.answerOption?.map((o) => (
              <option key={o.valueCoding.code} value={o.valueCoding.code}>
                {o.valueCoding.display}
              </option>
            ))}
          </select>
        </div>
      );
    case 'boolean':
      return (
        <div className="field">
          {label}
          <select
            id={id}
            value={value === undefined ? '' : value ? 'yes' : 'no'}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'yes')}
          >
            <option value="">Not answered</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </div>
      );
    case 'integer':
      return (
        <div className="field">
          {label}
          <input
            id={id}
            type="number"
            inputMode="numeric"
            value={value === undefined ? '' : String(value)}
            onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
          />
        </div>
      );
    case 'date':
      return (
        <div className="field">
          {label}
          <input
            id={id}
            type="date"
            value={String(value ?? '')}
            onChange={(e) => onChange(e.target.value || undefined)}
          />
        </div>
      );
    default:
      return (
        <div className="field">
          {label}
          <input
            id={id}
            value={String(value ?? '')}
            maxLength={4000}
            onChange={(e) => onChange(e.target.value || undefined)}
          />
        </div>
      );
  }
}

function Group({
  item,
  answers,
  set,
}: {
  item: QItem;
  answers: Record<string, Answer>;
  set: (id: string, v: Answer | undefined) => void;
}) {
  return (
    <fieldset>
      <legend>{item.text}</legend>
      {item.item?.map((child) =>
        child.type === 'group' ? (
          <Group key={child.linkId} item={child} answers={answers} set={set} />
        ) : (
          <Field
            key={child.linkId}
            item={child}
            value={answers[child.linkId]}
            onChange={(v) => set(child.linkId, v)}
          />
        ),
      )}
    </fieldset>
  );
}

/**
 * The comprehensive assessment on screen, drawn from the FHIR Questionnaire the product
 * ships: each section and instrument a fieldset. Completed instruments are scored by the
 * server; a partial one is kept and said to be not scored.
 */
export function AssessmentForm({ memberId, onDone }: { memberId: string; onDone: () => void }) {
  const questionnaire = useQuery({
    queryKey: ['questionnaire', 'comprehensive-assessment'],
    queryFn: () =>
      apiFetch<{ title: string; item: QItem[] }>('/api/fhir/Questionnaire/comprehensive-assessment'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [saved, setSaved] = useState<Saved | null>(null);
  const save = useRecoveryWrite(memberId, (status: 'in-progress' | 'completed') =>
    post<Saved>(`/api/members/${encodeURIComponent(memberId)}/assessments`, { status, answers }),
  );
  if (questionnaire.isError) return <ErrorNotice error={questionnaire.error} />;
  if (questionnaire.isPending) return <p className="loading">Loading the assessment…</p>;
  if (saved)
    return (
      <div className="notice notice-info" role="status">
        <p>Assessment saved.</p>
        <ul>
          {saved.scores.map((s) => (
            <li key={s.display}>
              {s.display}: {s.score}
              {s.band ? ` (${s.band})` : ''}
            </li>
          ))}
          {saved.notScored.map((n) => (
            <li key={n.instrument}>
              {n.instrument}: not scored — {n.reason}
            </li>
          ))}
        </ul>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </div>
    );
  const set = (id: string, v: Answer | undefined) =>
    setAnswers((a) => {
      const next = { ...a };
      if (v === undefined) delete next[id];
      else next[id] = v;
      return next;
    });
  const submit = (status: 'in-progress' | 'completed') =>
    save.mutate(status, { onSuccess: (r) => setSaved(r) });
  return (
    <form
      className="stack assessment-form"
      aria-label={questionnaire.data.title}
      onSubmit={(e) => {
        e.preventDefault();
        submit('completed');
      }}
    >
      {questionnaire.data.item.map((section) => (
        <Group key={section.linkId} item={section} answers={answers} set={set} />
      ))}
      {save.isError && <ActionError error={save.error} />}
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save the assessment
        </button>
        <button type="button" disabled={save.isPending} onClick={() => submit('in-progress')}>
          Save as in progress
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
