import { type Role, roleLabels } from '../api/session.ts';
import { ErrorNotice } from '../ui/notice.tsx';
import { type AuthorizationView, usePreauth } from './coverage-api.ts';
import { denialReasonLabels, formatWhen } from './coverage-words.ts';
import { DecisionClock } from './decision-clock.tsx';
import { DecisionForm } from './decision-form.tsx';
import { FacilityActions } from './facility-actions.tsx';
import { StatusPill } from './preauth-list.tsx';

const resultWords = { met: 'Met', missed: 'Missed', unknown: 'Not stated' } as const;

/** One request: what was asked, the criteria met or missed, the decision, the history; the actions the role may take. */
export function PreauthDetailPage({ authorizationId, role }: { authorizationId: string; role: Role }) {
  const query = usePreauth(authorizationId);
  if (query.isError) return <ErrorNotice error={query.error} />;
  if (query.isPending) return <p className="loading">Loading the request…</p>;
  const a = query.data;
  const decided = a.decision !== null || a.status === 'withdrawn';
  return (
    <div className="stack">
      <div className="row">
        <h1>{a.levelOfCareName}</h1>
        <StatusPill status={a.status} />
        <DecisionClock clock={a.clock} showDue />
        <span className="spacer" />
        <a href={backHref(role)}>Back</a>
      </div>
      <div className="m360">
        <div className="col">
          <RequestFacts a={a} />
          {a.clinical && <ClinicalPanel a={a} />}
          {a.criteria.length > 0 && <CriteriaPanel a={a} />}
        </div>
        <div className="col">
          {a.decision && <DecisionPanel a={a} />}
          {role === 'um_reviewer' && !decided && <DecisionForm a={a} />}
          {role === 'facility_staff' && <FacilityActions a={a} />}
          <HistoryPanel a={a} />
        </div>
      </div>
    </div>
  );
}

function backHref(role: Role): string {
  if (role === 'um_reviewer' || role === 'supervisor') return '#/reviews';
  if (role === 'facility_staff') return '#/requests';
  if (role === 'member') return '#/my-authorizations';
  return '#/worklist';
}

function RequestFacts({ a }: { a: AuthorizationView }) {
  return (
    <section className="panel" aria-labelledby="request-title">
      <h2 id="request-title">Request {a.id}</h2>
      <dl className="facts">
        <dt>Member</dt>
        <dd>{a.memberId}</dd>
        <dt>Plan</dt>
        <dd>{a.planId}</dd>
        <dt>Facility</dt>
        <dd>
          {a.facility.name} <span className="muted small">NPI {a.facility.npi}</span>
        </dd>
        <dt>Priority</dt>
        <dd>{a.priority === 'expedited' ? 'Expedited (72 hours)' : 'Standard (7 calendar days)'}</dd>
        <dt>Received</dt>
        <dd>{formatWhen(a.receivedAt)}</dd>
        <dt>Services</dt>
        <dd>
          {a.services.map((s) => (
            <div key={`${s.code}-${s.startDate}`}>
              {s.code} × {s.units} units, {s.startDate} to {s.endDate}
            </div>
          ))}
        </dd>
      </dl>
    </section>
  );
}

function ClinicalPanel({ a }: { a: AuthorizationView }) {
  const c = a.clinical;
  if (!c) return null;
  const assessment = c.assessment as {
    faceToFace?: boolean;
    date?: string;
    assessedBy?: string;
    withdrawalScore?: { scale: string; value: number };
  };
  return (
    <section className="panel" aria-labelledby="clinical-title">
      <h2 id="clinical-title">Clinical information</h2>
      <dl className="facts">
        <dt>Diagnoses</dt>
        <dd>{c.diagnosisCodes.join(', ')}</dd>
        <dt>Assessment</dt>
        <dd>
          {assessment.faceToFace ? 'Face to face' : 'Not face to face'} on {assessment.date} by{' '}
          {assessment.assessedBy}
          {assessment.withdrawalScore &&
            ` · ${assessment.withdrawalScore.scale} ${assessment.withdrawalScore.value}`}
        </dd>
        <dt>Summary</dt>
        <dd>{c.clinicalSummary}</dd>
        <dt>Treatment plan</dt>
        <dd>{c.treatmentPlan || <span className="muted">None given</span>}</dd>
        {c.additionalInformation.length > 0 && (
          <>
            <dt>Added later</dt>
            <dd>
              {c.additionalInformation.map((info) => (
                <div key={info}>{info}</div>
              ))}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function CriteriaPanel({ a }: { a: AuthorizationView }) {
  return (
    <section className="panel" aria-labelledby="criteria-title">
      <h2 id="criteria-title">Medical-necessity criteria</h2>
      <table aria-label="Criteria">
        <thead>
          <tr>
            <th>Criterion</th>
            <th>Result</th>
            <th>Evidence</th>
          </tr>
        </thead>
        <tbody>
          {a.criteria.map((c) => (
            <tr key={c.id} className={`criterion-${c.result}`}>
              <td>
                {c.text}
                <div className="small muted">{c.source}</div>
              </td>
              <td>
                <span className={`result result-${c.result}`}>{resultWords[c.result]}</span>
              </td>
              <td className="small">{c.evidence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DecisionPanel({ a }: { a: AuthorizationView }) {
  const d = a.decision;
  if (!d) return null;
  return (
    <section className="panel" aria-labelledby="decision-title">
      <h2 id="decision-title">Decision</h2>
      <p>
        <StatusPill status={d.outcome} /> on {formatWhen(d.decidedAt)} by {describeActor(d.decidedBy)}
      </p>
      <p className="small">
        Units approved:{' '}
        {a.services.map((s, i) => `${s.code} ${d.approvedUnits[i] ?? 0} of ${s.units}`).join('; ')}
      </p>
      {d.reasonCode && <p className="small">Reason: {denialReasonLabels[d.reasonCode] ?? d.reasonCode}</p>}
      {d.reason && <p>{d.reason}</p>}
    </section>
  );
}

/** "um_reviewer:rita" → "rita (UM reviewer)"; a bare role (the member's view) → its plain name. */
function describeActor(actor: string): string {
  const [role, name] = actor.split(':');
  const label = roleLabels[role as Role] ?? role ?? '';
  return name ? `${name} (${label})` : label || actor;
}

function HistoryPanel({ a }: { a: AuthorizationView }) {
  const entries = [
    ...a.history.map((h) => ({
      at: h.at,
      key: `h-${h.at}-${h.action}`,
      text: `${h.action.replaceAll('-', ' ')} by ${describeActor(h.actor)}`,
      note: h.note,
    })),
    ...a.notifications.map((n) => ({
      at: n.at,
      key: `n-${n.at}-${n.recipient}-${n.kind}`,
      text: `Notice to the ${n.recipient}`,
      note: n.message,
    })),
  ].sort((x, y) => x.at.localeCompare(y.at));
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">History and notices</h2>
      <ul className="history">
        {entries.map((e) => (
          <li key={e.key}>
            <span className="muted small">{formatWhen(e.at)}</span> {e.text}
            {e.note && <div className="small">{e.note}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
