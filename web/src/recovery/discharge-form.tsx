import { useState } from 'react';
import { asamLevels } from '../../../src/recovery/assessment/assessment-questionnaire.ts';
import { useCaseWork } from '../member/use-member.ts';
import { ActionError } from '../ui/action-error.tsx';
import { ErrorNotice } from '../ui/notice.tsx';
import { GoalFields, ServiceFields, type ServiceInput, withoutBlankSteps } from './plan-section.tsx';
import { type Goal, post, todayIso, useRecoveryWrite } from './recovery-api.ts';

const firstServices = (): ServiceInput[] => [
  { category: 'counseling', service: 'individual', performerName: '', sessionsPerWeek: 1 },
  { category: 'supportive', service: 'housing', performerName: '' },
  { category: 'supportive', service: 'support_group', performerName: '' },
];

/**
 * Discharge from a level of care into aftercare: the aftercare plan (continued therapy,
 * recovery housing, support groups; the check-in cadence and the crisis plan), and the warm
 * hand-off. The 7-, 30- and 90-day follow-ups go on the queue by themselves.
 */
export function DischargeForm({
  memberId,
  caseId,
  onDone,
}: {
  memberId: string;
  caseId: string;
  onDone: () => void;
}) {
  const work = useCaseWork(caseId);
  const [dischargedOn, setDischargedOn] = useState(todayIso());
  const [level, setLevel] = useState<string>('2.1');
  const [handoffTo, setHandoffTo] = useState('');
  const [handoffOn, setHandoffOn] = useState(todayIso());
  const [goals, setGoals] = useState<Goal[]>([]);
  const [cadence, setCadence] = useState<'weekly' | 'daily'>('weekly');
  const [crisisPlan, setCrisisPlan] = useState('');
  const [services, setServices] = useState<ServiceInput[]>(firstServices);
  const discharge = useRecoveryWrite(memberId, (version: number) =>
    post(`/api/cases/${encodeURIComponent(caseId)}/discharge`, {
      caseVersion: version,
      dischargedOn,
      fromLevelOfCare: level,
      handoff: { to: handoffTo, on: handoffOn },
      plan: {
        title: 'Aftercare plan',
        goals: withoutBlankSteps(goals),
        careTeam: [],
        checkInCadence: cadence,
        crisisPlan,
      },
      services: services.filter((s) => s.performerName.trim() !== ''),
    }),
  );
  if (work.isError) return <ErrorNotice error={work.error} />;
  if (work.isPending) return <p className="loading">Loading the case…</p>;
  const version = work.data.version;
  return (
    <form
      className="stack"
      aria-label="Discharge into aftercare"
      onSubmit={(e) => {
        e.preventDefault();
        discharge.mutate(version, { onSuccess: onDone });
      }}
    >
      <div className="row wrap">
        <div className="field">
          <label htmlFor="discharged-on">Discharged on</label>
          <input
            id="discharged-on"
            type="date"
            max={todayIso()}
            value={dischargedOn}
            onChange={(e) => setDischargedOn(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="from-level">From level of care (ASAM)</label>
          <select id="from-level" value={level} onChange={(e) => setLevel(e.target.value)}>
            {asamLevels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset>
        <legend>Warm hand-off</legend>
        <div className="row wrap">
          <div className="field">
            <label htmlFor="handoff-to">To (the provider who takes the member on)</label>
            <input
              id="handoff-to"
              value={handoffTo}
              maxLength={200}
              onChange={(e) => setHandoffTo(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="handoff-on">On</label>
            <input
              id="handoff-on"
              type="date"
              value={handoffOn}
              onChange={(e) => setHandoffOn(e.target.value)}
              required
            />
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>Aftercare services</legend>
        {services.map((s, i) => (
          <ServiceFields
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and never reordered
            key={i}
            idPrefix={`aftercare-${i}`}
            value={s}
            onChange={(v) => setServices(services.map((x, k) => (k === i ? v : x)))}
          />
        ))}
        <p className="muted small">A service without a provider is left out.</p>
      </fieldset>
      <GoalFields goals={goals} onChange={setGoals} />
      <div className="row wrap">
        <div className="field">
          <label htmlFor="cadence">Check-ins</label>
          <select
            id="cadence"
            value={cadence}
            onChange={(e) => setCadence(e.target.value as 'weekly' | 'daily')}
          >
            <option value="weekly">Weekly</option>
            <option value="daily">Daily</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="crisis-plan">Crisis plan</label>
        <textarea
          id="crisis-plan"
          rows={3}
          value={crisisPlan}
          maxLength={2000}
          onChange={(e) => setCrisisPlan(e.target.value)}
          required
        />
      </div>
      {discharge.isError && <ActionError error={discharge.error} />}
      <div className="row">
        <button type="submit" className="primary" disabled={discharge.isPending}>
          Discharge into aftercare
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
