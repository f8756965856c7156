import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/http.ts';
import { ActionError } from '../ui/action-error.tsx';

interface Surveys {
  questions: { id: string; text: string }[];
  surveys: { invitationId: string; milestone: string }[];
}
const scale = ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'];
const milestoneWords: Record<string, string> = {
  discharge: 'the end of treatment',
  aftercare_90: 'the first 90 days after treatment',
};

/** An open feedback survey, if any: five statements rated 1–5. The answers are read only as anonymous totals. */
export function FeedbackForm({ memberId }: { memberId: string }) {
  const client = useQueryClient();
  const key = ['feedback', memberId];
  const surveys = useQuery({
    queryKey: key,
    queryFn: () => apiFetch<Surveys>(`/api/members/${encodeURIComponent(memberId)}/feedback`),
  });
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const survey = surveys.data?.surveys[0];
  const send = useMutation({
    mutationFn: () =>
      apiFetch(`/api/feedback/${encodeURIComponent(survey?.invitationId ?? '')}`, {
        method: 'POST',
        body: { answers },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  if (send.isSuccess && !survey) return <p role="status">Thank you. Your answers help us do better.</p>;
  if (!survey || !surveys.data) return null;
  const questions = surveys.data.questions;
  return (
    <section className="panel" aria-labelledby={`feedback-${memberId}`}>
      <h2 id={`feedback-${memberId}`}>
        How did we do? ({milestoneWords[survey.milestone] ?? survey.milestone})
      </h2>
      <p className="muted">
        Your answers are counted without your name and never shown to your care team one by one.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        {questions.map((q) => (
          <fieldset key={q.id}>
            <legend>{q.text}</legend>
            {scale.map((label, i) => (
              <label key={label} className="check">
                <input
                  type="radio"
                  name={`${memberId}-${q.id}`}
                  value={i + 1}
                  checked={answers[q.id] === i + 1}
                  onChange={() => setAnswers((a) => ({ ...a, [q.id]: i + 1 }))}
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
        ))}
        {send.isError && <ActionError error={send.error} />}
        <button
          type="submit"
          className="primary"
          disabled={send.isPending || Object.keys(answers).length < questions.length}
        >
          Send
        </button>
      </form>
    </section>
  );
}
