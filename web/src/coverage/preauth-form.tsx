import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { useMe } from '../api/session.ts';
import { ActionError } from '../ui/action-error.tsx';
import {
  useDirectory,
  useFacilityRequests,
  useLevelsOfCare,
  usePlans,
  useSubmitPreauth,
} from './coverage-api.ts';
import { coverageHref } from './coverage-routes.ts';
import { FacilityField } from './facility-field.tsx';

type YesNo = '' | 'yes' | 'no';
const today = () => new Date().toISOString().slice(0, 10);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);
const toBool = (v: YesNo) => (v === '' ? {} : { value: v === 'yes' });

const initial = () => ({
  facilityNpi: '',
  memberId: '',
  planId: '',
  levelOfCare: 'ambulatory-withdrawal-management',
  priority: 'standard' as 'standard' | 'expedited',
  diagnoses: '',
  code: 'H0014',
  units: 5,
  startDate: today(),
  endDate: addDays(today(), 4),
  faceToFace: true,
  assessmentDate: today(),
  assessedBy: '',
  scale: 'COWS' as 'COWS' | 'CIWA-B',
  score: '',
  inpatientNeed: '' as YesNo,
  stableLiving: '' as YesNo,
  committed: '' as YesNo,
  clinicalSummary: '',
  treatmentPlan: '',
});

/**
 * Facility staff: submit a preauthorization (member, level of care and HCPCS code,
 * dates and units, the face-to-face assessment, clinical information, treatment plan).
 * Warns before leaving with unsent input.
 */
export function PreauthForm() {
  const [form, setForm] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const plans = usePlans();
  const levels = useLevelsOfCare();
  const facilities = useDirectory({});
  const mine = useFacilityRequests();
  const submit = useSubmitPreauth();
  const set = <K extends keyof ReturnType<typeof initial>>(key: K, value: ReturnType<typeof initial>[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setDirty(true);
  };
  // The facility is the user's own (from /api/me); an account without its NPI starts from its last request's.
  const ownNpi = useMe().data?.facilityNpi;
  const lastNpi = mine.data?.items[0]?.facility.npi;
  useEffect(() => {
    if (ownNpi) setForm((f) => (f.facilityNpi === ownNpi ? f : { ...f, facilityNpi: ownNpi }));
    else if (lastNpi) setForm((f) => (f.facilityNpi ? f : { ...f, facilityNpi: lastNpi }));
  }, [ownNpi, lastNpi]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const level = levels.data?.items.find((l) => l.id === form.levelOfCare);
  const facility = facilities.data?.items.find((f) => f.npi === form.facilityNpi);
  const fieldIssue = (path: string) =>
    submit.error instanceof ApiError
      ? submit.error.issues.find((i) => i.path.startsWith(path))?.message
      : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const flag = (name: string, v: YesNo) => ('value' in toBool(v) ? { [name]: v === 'yes' } : {});
    submit.mutate(
      {
        memberId: form.memberId.trim(),
        planId: form.planId,
        facility: { npi: form.facilityNpi, name: facility?.name ?? '' },
        levelOfCare: form.levelOfCare,
        priority: form.priority,
        diagnosisCodes: form.diagnoses
          .split(/[,\s]+/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean),
        services: [{ code: form.code, units: form.units, startDate: form.startDate, endDate: form.endDate }],
        assessment: {
          faceToFace: form.faceToFace,
          date: form.assessmentDate,
          assessedBy: form.assessedBy,
          ...(form.score !== '' ? { withdrawalScore: { scale: form.scale, value: Number(form.score) } } : {}),
          ...flag('medicalComplicationsRequireInpatient', form.inpatientNeed),
          ...flag('stableLivingEnvironment', form.stableLiving),
          ...flag('committedToTreatment', form.committed),
        },
        clinicalSummary: form.clinicalSummary,
        treatmentPlan: form.treatmentPlan,
      },
      {
        onSuccess: (a) => {
          setDirty(false);
          window.location.hash = coverageHref({ kind: 'preauth', authorizationId: a.id });
        },
      },
    );
  };

  const hint = (path: string) => {
    const message = fieldIssue(path);
    return message ? <span className="field-error">{message}</span> : null;
  };
  const yesNo = (label: string, key: 'inpatientNeed' | 'stableLiving' | 'committed') => (
    <label>
      {label}
      <select value={form[key]} onChange={(e) => set(key, e.target.value as YesNo)}>
        <option value="">Not assessed</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
      </select>
    </label>
  );

  return (
    <form className="stack preauth-form" onSubmit={onSubmit} aria-labelledby="new-request-title">
      <div className="row">
        <h1 id="new-request-title">New preauthorization request</h1>
        <span className="spacer" />
        <a href="#/requests">Back to requests</a>
      </div>
      <section className="panel form-grid" aria-label="Who and what">
        <FacilityField
          facilities={(facilities.data?.items ?? []).filter((f) => f.kind === 'facility')}
          ownNpi={ownNpi}
          value={form.facilityNpi}
          onChange={(npi) => set('facilityNpi', npi)}
          hint={hint('facility')}
        />
        <label>
          Member ID (from the member's card)
          <input
            value={form.memberId}
            onChange={(e) => set('memberId', e.target.value)}
            required
            autoComplete="off"
          />
          {hint('memberId')}
        </label>
        <label>
          Plan
          <select value={form.planId} onChange={(e) => set('planId', e.target.value)} required>
            <option value="">Choose…</option>
            {(plans.data?.items ?? []).map((p) => (
              <option key={p.planId} value={p.planId}>
                {p.name} ({p.planId})
              </option>
            ))}
          </select>
          {hint('planId')}
        </label>
        <label>
          Level of care
          <select
            value={form.levelOfCare}
            onChange={(e) => {
              const next = levels.data?.items.find((l) => l.id === e.target.value);
              set('levelOfCare', e.target.value);
              if (next?.procedureCodes[0]) set('code', next.procedureCodes[0]);
            }}
          >
            {(levels.data?.items ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Priority
          <select
            value={form.priority}
            onChange={(e) => set('priority', e.target.value as 'standard' | 'expedited')}
          >
            <option value="standard">Standard (decision within 7 days)</option>
            <option value="expedited">Expedited (decision within 72 hours)</option>
          </select>
        </label>
        <label>
          Diagnosis codes (ICD-10-CM)
          <input
            value={form.diagnoses}
            placeholder="F11.20"
            onChange={(e) => set('diagnoses', e.target.value)}
            required
          />
          {hint('diagnosisCodes')}
        </label>
      </section>
      <section className="panel form-grid" aria-label="Services">
        <label>
          Procedure code (HCPCS)
          <select value={form.code} onChange={(e) => set('code', e.target.value)}>
            {(level?.procedureCodes ?? [form.code]).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          {hint('services.0.code')}
        </label>
        <label>
          Units (days)
          <input
            type="number"
            min={1}
            max={365}
            value={form.units}
            onChange={(e) => set('units', Number(e.target.value))}
          />
        </label>
        <label>
          First day
          <input type="date" value={form.startDate} onChange={(e) => set('startDate', e.target.value)} />
        </label>
        <label>
          Last day
          <input type="date" value={form.endDate} onChange={(e) => set('endDate', e.target.value)} />
          {hint('services.0.endDate')}
        </label>
      </section>
      <section className="panel form-grid" aria-label="Face-to-face assessment">
        <label className="choice-inline">
          <input
            type="checkbox"
            checked={form.faceToFace}
            onChange={(e) => set('faceToFace', e.target.checked)}
          />
          Assessed face to face
        </label>
        <label>
          Assessment date
          <input
            type="date"
            value={form.assessmentDate}
            onChange={(e) => set('assessmentDate', e.target.value)}
          />
        </label>
        <label>
          Assessed by
          <input value={form.assessedBy} onChange={(e) => set('assessedBy', e.target.value)} required />
          {hint('assessment.assessedBy')}
        </label>
        <label>
          Withdrawal scale
          <select value={form.scale} onChange={(e) => set('scale', e.target.value as 'COWS' | 'CIWA-B')}>
            <option value="COWS">COWS (opioids)</option>
            <option value="CIWA-B">CIWA-B (benzodiazepines)</option>
          </select>
        </label>
        <label>
          Score
          <input
            type="number"
            min={0}
            max={80}
            value={form.score}
            onChange={(e) => set('score', e.target.value)}
          />
        </label>
        {yesNo('Condition needing inpatient care', 'inpatientNeed')}
        {yesNo('Stable living environment', 'stableLiving')}
        {yesNo('Committed to treatment', 'committed')}
      </section>
      <section className="panel stack" aria-label="Clinical information">
        <label>
          Clinical information
          <textarea
            value={form.clinicalSummary}
            onChange={(e) => set('clinicalSummary', e.target.value)}
            required
          />
        </label>
        <label>
          Treatment plan (goals and services)
          <textarea value={form.treatmentPlan} onChange={(e) => set('treatmentPlan', e.target.value)} />
        </label>
      </section>
      <ActionError error={submit.error} />
      <div className="row">
        <button type="submit" className="primary" disabled={submit.isPending}>
          {submit.isPending ? 'Submitting…' : 'Submit request'}
        </button>
        <span className="muted small">The plan's decision clock starts when the request is received.</span>
      </div>
    </form>
  );
}
