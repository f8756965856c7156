import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/http.ts';
import { formatDate } from '../i18n/i18n.ts';
import { ActionError } from '../ui/action-error.tsx';
import type { MyGoal } from './portal-api.ts';

/** The small steps toward a goal, each a checkbox the member ticks when it is done (and can untick). */
export function GoalSteps({ goal, memberId }: { goal: MyGoal; memberId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const mark = useMutation({
    mutationFn: ({ stepId, done }: { stepId: string; done: boolean }) =>
      apiFetch(
        `/api/care-plans/${encodeURIComponent(goal.planId)}/goals/${encodeURIComponent(goal.goalId)}/steps/${encodeURIComponent(stepId)}`,
        { method: 'POST', body: { done } },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['my-recovery', memberId] }),
  });
  if (goal.steps.length === 0) return null;
  return (
    <fieldset className="goal-steps">
      <legend className="small">{t('home.steps', { goal: goal.description })}</legend>
      {goal.steps.map((step) => (
        <label key={step.stepId} className="check">
          <input
            type="checkbox"
            checked={step.doneOn !== null}
            disabled={mark.isPending}
            onChange={(e) => mark.mutate({ stepId: step.stepId, done: e.target.checked })}
          />{' '}
          {step.text}
          {step.doneOn && (
            <span className="small muted"> · {t('home.stepDone', { date: formatDate(step.doneOn) })}</span>
          )}
        </label>
      ))}
      <ActionError error={mark.error} />
    </fieldset>
  );
}
