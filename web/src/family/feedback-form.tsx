import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/http.ts';
import { ActionError } from '../ui/action-error.tsx';

interface Surveys {
  questions: { id: string; text: string }[];
  surveys: { invitationId: string; milestone: string }[];
}

/** An open feedback survey, if any: five statements rated 1–5. The answers are read only as anonymous totals. */
export function FeedbackForm({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
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
  if (send.isSuccess && !survey) return <p role="status">{t('feedback.thanks')}</p>;
  if (!survey || !surveys.data) return null;
  const questions = surveys.data.questions;
  const scale = t('feedback.scale', { returnObjects: true }) as unknown as string[];
  return (
    <section className="panel" aria-labelledby={`feedback-${memberId}`}>
      <h2 id={`feedback-${memberId}`}>
        {t('feedback.title', {
          milestone: t(`feedback.milestones.${survey.milestone}`, { defaultValue: survey.milestone }),
        })}
      </h2>
      <p className="muted">{t('feedback.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        {questions.map((q) => (
          <fieldset key={q.id}>
            <legend>{t(`feedback.questions.${q.id}`, { defaultValue: q.text })}</legend>
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
          {t('feedback.send')}
        </button>
      </form>
    </section>
  );
}
