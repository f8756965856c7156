import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { screenReportSchema, sessionReportSchema } from '../../../src/recovery/recovery-schemas.ts';
import { substances } from '../../../src/recovery/reports/substances.ts';
import { apiFetch } from '../api/http.ts';
import { ActionError } from '../ui/action-error.tsx';
import { ErrorNotice } from '../ui/notice.tsx';
import { AssessmentForm } from './assessment-form.tsx';
import { post, todayIso, words } from './recovery-api.ts';

interface FacilityMember {
  memberId: string;
  services: { requestId: string; service: string; status: string; version: number }[];
  lastAssessedOn: string | null;
  planUpdatedOn: string | null;
  lastReportedOn: string | null;
  due: { kind: string; text: string }[];
}
interface UploadResult {
  sessions: number;
  screens: number;
  rejected: { file: string; line: number; field: string; reason: string }[];
}
const key = ['facility-members'];
const sessionServices = sessionReportSchema.shape.service.options;
const substanceCodes = screenReportSchema.shape.substance.options;

function useFacilityWrite<I>(request: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

function ReferralAnswer({ s }: { s: FacilityMember['services'][number] }) {
  const answer = useFacilityWrite((status: 'accepted' | 'declined') =>
    post(`/api/service-requests/${encodeURIComponent(s.requestId)}/status`, { status, version: s.version }),
  );
  return (
    <span className="row">
      <button type="button" disabled={answer.isPending} onClick={() => answer.mutate('accepted')}>
        Accept the {words(s.service)} referral
      </button>
      <button type="button" disabled={answer.isPending} onClick={() => answer.mutate('declined')}>
        Decline
      </button>
      {answer.isError && <ActionError error={answer.error} />}
    </span>
  );
}

/** One session or one drug screen, reported on screen; the facility's own id keeps a second report of it from counting twice. */
function ReportForm({ memberId }: { memberId: string }) {
  const [kind, setKind] = useState<'session' | 'screen'>('session');
  const [date, setDate] = useState(todayIso());
  const [service, setService] = useState<string>('individual');
  const [attended, setAttended] = useState(true);
  const [substance, setSubstance] = useState<string>('fentanyl');
  const [positive, setPositive] = useState(false);
  const [done, setDone] = useState('');
  const report = useFacilityWrite(() =>
    kind === 'session'
      ? post('/api/recovery/sessions', {
          memberId,
          sourceId: `screen-${memberId}-${date}-${service}`,
          scheduledOn: date,
          service,
          attended,
        })
      : post('/api/recovery/screens', {
          memberId,
          sourceId: `screen-${memberId}-${date}`,
          collectedOn: date,
          substance,
          positive,
        }),
  );
  const id = `report-${memberId}`;
  return (
    <form
      className="row wrap"
      aria-label={`Report for member ${memberId}`}
      onSubmit={(e) => {
        e.preventDefault();
        setDone('');
        report.mutate(undefined, {
          onSuccess: () => setDone(kind === 'session' ? 'Session recorded.' : 'Result recorded.'),
        });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-kind`}>Report</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'session' | 'screen')}
        >
          <option value="session">A session</option>
          <option value="screen">A drug screen result</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>Date</label>
        <input
          id={`${id}-date`}
          type="date"
          max={todayIso()}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          required
        />
      </div>
      {kind === 'session' ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-service`}>Service</label>
            <select id={`${id}-service`} value={service} onChange={(e) => setService(e.target.value)}>
              {sessionServices.map((s) => (
                <option key={s} value={s}>
                  {words(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-attended`}>Attended</label>
            <select
              id={`${id}-attended`}
              value={attended ? 'yes' : 'no'}
              onChange={(e) => setAttended(e.target.value === 'yes')}
            >
              <option value="yes">Attended</option>
              <option value="no">Missed</option>
            </select>
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-substance`}>Substance</label>
            <select id={`${id}-substance`} value={substance} onChange={(e) => setSubstance(e.target.value)}>
              {substanceCodes.map((s) => (
                <option key={s} value={s}>
                  {substances[s].label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-positive`}>Result</label>
            <select
              id={`${id}-positive`}
              value={positive ? 'positive' : 'negative'}
              onChange={(e) => setPositive(e.target.value === 'positive')}
            >
              <option value="negative">Negative</option>
              <option value="positive">Positive</option>
            </select>
          </div>
        </>
      )}
      <button type="submit" disabled={report.isPending}>
        Record
      </button>
      {done && <span role="status">{done}</span>}
      {report.isError && <ActionError error={report.error} />}
    </form>
  );
}

/** A CSV or FHIR NDJSON file of sessions and screens; every bad row comes back with its line, field and reason. */
function UploadForm() {
  const [result, setResult] = useState<UploadResult | null>(null);
  const upload = useFacilityWrite(async (file: File) => {
    const csv = file.name.toLowerCase().endsWith('.csv');
    return apiFetch<UploadResult>(`/api/recovery/reports?file=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      file: { text: await file.text(), type: csv ? 'text/csv' : 'application/fhir+ndjson' },
    });
  });
  return (
    <section className="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">Report many at once</h2>
      <p className="muted small">
        A CSV with the header <code>member_id,source_id,scheduled_on,service,attended</code> (sessions) or{' '}
        <code>member_id,source_id,collected_on,substance,positive</code> (screens), or FHIR NDJSON of
        Encounter and Observation resources.
      </p>
      <label htmlFor="report-file">File</label>
      <input
        id="report-file"
        type="file"
        accept=".csv,.ndjson,.json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file, { onSuccess: (r) => setResult(r as UploadResult) });
        }}
      />
      {upload.isError && <ActionError error={upload.error} />}
      {result && (
        <div role="status">
          <p>
            {result.sessions} sessions and {result.screens} screen results recorded; {result.rejected.length}{' '}
            rows refused.
          </p>
          {result.rejected.length > 0 && (
            <table>
              <caption>Refused rows</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Field</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {result.rejected.map((r) => (
                  <tr key={`${r.line}-${r.field}`}>
                    <td className="num">{r.line}</td>
                    <td>{r.field}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

function AssessmentEntry({ memberId }: { memberId: string }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(true);
  if (!open) return <p role="status">Assessment saved.</p>;
  return (
    <AssessmentForm
      memberId={memberId}
      onDone={() => {
        setOpen(false);
        void client.invalidateQueries({ queryKey: key });
      }}
    />
  );
}

/** Facility staff: the members referred to the facility, what is due for each, and reporting sessions and screens. */
export function FacilityMembersPage() {
  const members = useQuery({
    queryKey: key,
    queryFn: () => apiFetch<{ members: FacilityMember[] }>('/api/recovery/facility/members'),
  });
  if (members.isError) return <ErrorNotice error={members.error} />;
  if (members.isPending) return <p className="loading">Loading referred members…</p>;
  return (
    <div className="stack">
      <h1>Referred members</h1>
      {members.data.members.length === 0 && (
        <p className="muted">No members are referred to your facility now.</p>
      )}
      {members.data.members.map((m) => (
        <section key={m.memberId} className="panel" aria-labelledby={`member-${m.memberId}`}>
          <h2 id={`member-${m.memberId}`}>Member {m.memberId}</h2>
          <p className="muted small">
            {m.services.map((s) => `${words(s.service)} (${words(s.status)})`).join(' · ')}
            {m.lastReportedOn ? ` · last session reported ${m.lastReportedOn}` : ''}
          </p>
          {m.due.length === 0 ? (
            <p>Nothing due.</p>
          ) : (
            <ul aria-label="Due">
              {m.due.map((d) => (
                <li key={d.kind}>{d.text}</li>
              ))}
            </ul>
          )}
          {m.services
            .filter((s) => s.status === 'requested')
            .map((s) => (
              <ReferralAnswer key={s.requestId} s={s} />
            ))}
          {m.services.some((s) => s.status !== 'requested') && (
            <>
              <ReportForm memberId={m.memberId} />
              <details>
                <summary>Enter the comprehensive assessment</summary>
                <AssessmentEntry memberId={m.memberId} />
              </details>
            </>
          )}
        </section>
      ))}
      <UploadForm />
    </div>
  );
}
