import { useState } from 'react';
import { serviceCategories } from '../../../src/recovery/recovery-schemas.ts';
import { apiFetch } from '../api/http.ts';
import { ActionError } from '../ui/action-error.tsx';
import { type Goal, type Plan, post, todayIso, useRecoveryWrite, words } from './recovery-api.ts';

type Category = keyof typeof serviceCategories;
const categoryWords: Record<Category, string> = {
  moud: 'Medication for OUD',
  counseling: 'Counseling',
  holistic: 'Holistic therapy',
  supportive: 'Supportive service',
};

export interface ServiceInput {
  category: Category;
  service: string;
  performerName: string;
  performerNpi?: string;
  sessionsPerWeek?: number;
}

/** One service as a referral: its kind, who provides it, and how often. */
export function ServiceFields({
  value,
  onChange,
  idPrefix,
}: {
  value: ServiceInput;
  onChange: (v: ServiceInput) => void;
  idPrefix: string;
}) {
  const options = serviceCategories[value.category] as readonly string[];
  return (
    <div className="row wrap">
      <div className="field">
        <label htmlFor={`${idPrefix}-category`}>Kind of service</label>
        <select
          id={`${idPrefix}-category`}
          value={value.category}
          onChange={(e) => {
            const category = e.target.value as Category;
            onChange({ ...value, category, service: serviceCategories[category][0] });
          }}
        >
          {(Object.keys(serviceCategories) as Category[]).map((c) => (
            <option key={c} value={c}>
              {categoryWords[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-service`}>Service</label>
        <select
          id={`${idPrefix}-service`}
          value={value.service}
          onChange={(e) => onChange({ ...value, service: e.target.value })}
        >
          {options.map((s) => (
            <option key={s} value={s}>
              {words(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-performer`}>Provided by</label>
        <input
          id={`${idPrefix}-performer`}
          value={value.performerName}
          maxLength={200}
          onChange={(e) => onChange({ ...value, performerName: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-npi`}>NPI (if in network)</label>
        <input
          id={`${idPrefix}-npi`}
          inputMode="numeric"
          value={value.performerNpi ?? ''}
          maxLength={10}
          onChange={(e) => {
            const { performerNpi: _, ...rest } = value;
            onChange(e.target.value ? { ...rest, performerNpi: e.target.value } : rest);
          }}
        />
      </div>
    </div>
  );
}

const blankService = (): ServiceInput => ({
  category: 'counseling',
  service: 'individual',
  performerName: '',
});

function AddService({ plan, memberId }: { plan: Plan; memberId: string }) {
  const [service, setService] = useState<ServiceInput>(blankService);
  const add = useRecoveryWrite(memberId, () =>
    post(`/api/care-plans/${encodeURIComponent(plan.planId)}/services`, service),
  );
  return (
    <form
      aria-label="Add a service"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(undefined, { onSuccess: () => setService(blankService()) });
      }}
    >
      <ServiceFields value={service} onChange={setService} idPrefix={`add-${plan.planId}`} />
      <button type="submit" disabled={add.isPending || service.performerName.trim() === ''}>
        Add the service as a referral
      </button>
      {add.isError && <ActionError error={add.error} />}
    </form>
  );
}

const goalStatuses = ['proposed', 'active', 'achieved', 'not-achieved', 'cancelled'] as const;

/** A goal's status, changed by writing the plan's next version (refused with 409 when someone else changed it first). */
function GoalStatus({ plan, goal, memberId }: { plan: Plan; goal: Goal; memberId: string }) {
  const save = useRecoveryWrite(memberId, (status: string) =>
    apiFetch(`/api/care-plans/${encodeURIComponent(plan.planId)}`, {
      method: 'PUT',
      body: {
        category: plan.category,
        status: plan.status,
        version: plan.version,
        content: {
          ...plan.content,
          goals: plan.content.goals.map((g) => (g.id === goal.id ? { ...g, status } : g)),
        },
      },
    }),
  );
  const id = `goal-status-${goal.id}`;
  return (
    <>
      <label htmlFor={id} className="sr-only">
        Status of {goal.description}
      </label>
      <select
        id={id}
        value={goal.status}
        disabled={save.isPending}
        onChange={(e) => save.mutate(e.target.value)}
      >
        {goalStatuses.map((st) => (
          <option key={st} value={st}>
            {words(st)}
          </option>
        ))}
      </select>
      {save.isError && <ActionError error={save.error} />}
    </>
  );
}

const blankGoal = (): Goal => ({ description: '', measure: '', target: '', dueDate: '', status: 'active' });

/** The goals as written, without the empty step line the steps box keeps while typing. */
export const withoutBlankSteps = (goals: Goal[]): Goal[] =>
  goals.map((g) => ({ ...g, steps: (g.steps ?? []).filter((step) => step.text.trim() !== '') }));

/** Goals as measurable rows: what, measured how, the target, by when. */
export function GoalFields({ goals, onChange }: { goals: Goal[]; onChange: (g: Goal[]) => void }) {
  const set = (i: number, patch: Partial<Goal>) =>
    onChange(goals.map((g, k) => (k === i ? { ...g, ...patch } : g)));
  return (
    <fieldset>
      <legend>Goals</legend>
      {goals.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and never reordered
        <div className="row wrap" key={i}>
          {(
            [
              ['description', 'Goal'],
              ['measure', 'Measured by'],
              ['target', 'Target'],
            ] as const
          ).map(([field, label]) => (
            <div className="field" key={field}>
              <label htmlFor={`goal-${i}-${field}`}>{label}</label>
              <input
                id={`goal-${i}-${field}`}
                value={g[field]}
                maxLength={500}
                onChange={(e) => set(i, { [field]: e.target.value })}
              />
            </div>
          ))}
          <div className="field">
            <label htmlFor={`goal-${i}-due`}>By</label>
            <input
              id={`goal-${i}-due`}
              type="date"
              min={todayIso()}
              value={g.dueDate}
              onChange={(e) => set(i, { dueDate: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`goal-${i}-steps`}>Steps the member can tick off (one per line)</label>
            <textarea
              id={`goal-${i}-steps`}
              rows={2}
              value={(g.steps ?? []).map((step) => step.text).join('\n')}
              onChange={(e) =>
                set(i, {
                  steps: e.target.value
                    .split('\n')
                    .filter((line, k, all) => line.trim() !== '' || k === all.length - 1)
                    .map((text) => ({ text, doneOn: null })),
                })
              }
            />
          </div>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...goals, blankGoal()])}>
        Add a goal
      </button>
    </fieldset>
  );
}

function NewPlanForm({
  memberId,
  caseId,
  onDone,
}: {
  memberId: string;
  caseId: string | undefined;
  onDone: () => void;
}) {
  const [title, setTitle] = useState('Treatment plan');
  const [goals, setGoals] = useState<Goal[]>([blankGoal()]);
  const create = useRecoveryWrite(memberId, () =>
    post(`/api/members/${encodeURIComponent(memberId)}/care-plans`, {
      category: 'treatment',
      status: 'active',
      ...(caseId ? { caseId } : {}),
      content: {
        title,
        goals: withoutBlankSteps(goals),
        careTeam: [],
      },
    }),
  );
  return (
    <form
      className="stack"
      aria-label="New treatment plan"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(undefined, { onSuccess: onDone });
      }}
    >
      <div className="field">
        <label htmlFor="plan-title">Title</label>
        <input
          id="plan-title"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          required
        />
      </div>
      <GoalFields goals={goals} onChange={setGoals} />
      {create.isError && <ActionError error={create.error} />}
      <div className="row">
        <button type="submit" className="primary" disabled={create.isPending}>
          Save the plan
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The active plan with its goals and services (each a referral with its status); a form to start one or add a service. */
export function PlanSection({
  plans,
  memberId,
  caseId,
}: {
  plans: Plan[];
  memberId: string;
  caseId: string | undefined;
}) {
  const [creating, setCreating] = useState(false);
  const active = plans.filter((p) => p.status === 'active');
  return (
    <>
      <h3>Plans</h3>
      {active.length === 0 && !creating && <p className="muted">No active plan.</p>}
      {active.map((plan) => {
        const last = plan.history.at(-1);
        return (
          <div key={plan.planId} className="stack">
            <p>
              <strong>{plan.content.title}</strong> · {plan.category} plan, {plan.status} · version{' '}
              {plan.version}
              {last && (
                <span className="muted small">
                  {' '}
                  (last changed by {last.changedBy} on {last.changedAt.slice(0, 10)})
                </span>
              )}
            </p>
            {plan.content.discharge && (
              <p>
                Discharged {plan.content.discharge.dischargedOn} from level{' '}
                {plan.content.discharge.fromLevelOfCare}; warm hand-off to {plan.content.discharge.handoffTo}{' '}
                on {plan.content.discharge.handoffOn}. Check-ins {plan.content.checkInCadence}. Crisis plan:{' '}
                {plan.content.crisisPlan}
              </p>
            )}
            {plan.content.goals.length === 0 && <p className="muted">No goals written yet.</p>}
            <ul>
              {plan.content.goals.map((g) => (
                <li key={g.id}>
                  {g.description}: {g.target} by {g.dueDate} ·{' '}
                  <GoalStatus plan={plan} goal={g} memberId={memberId} />
                  {(g.steps ?? []).length > 0 && (
                    <ul className="small">
                      {(g.steps ?? []).map((step) => (
                        <li key={step.id ?? step.text}>
                          {step.text}: {step.doneOn ? `done ${step.doneOn}` : 'not yet'}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
            <details>
              <summary>Versions ({plan.history.length})</summary>
              <ol>
                {plan.history.map((h) => (
                  <li key={h.version}>
                    {h.changedAt.slice(0, 10)} · {h.changedBy}: {h.summary}
                  </li>
                ))}
              </ol>
            </details>
            <h4>Services</h4>
            <ul>
              {plan.services.map((x) => (
                <li key={x.requestId}>
                  {words(x.service)} with {x.performerName}: {words(x.status)}
                </li>
              ))}
            </ul>
            <details>
              <summary>Add a service</summary>
              <AddService plan={plan} memberId={memberId} />
            </details>
          </div>
        );
      })}
      {creating ? (
        <NewPlanForm memberId={memberId} caseId={caseId} onDone={() => setCreating(false)} />
      ) : (
        !active.some((p) => p.category === 'treatment') && (
          <button type="button" onClick={() => setCreating(true)}>
            Write a treatment plan
          </button>
        )
      )}
    </>
  );
}
