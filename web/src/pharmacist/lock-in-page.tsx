import type { Me } from '../api/session.ts';
import { hrefFor } from '../router.ts';
import { CodeBadge } from '../ui/code-badge.tsx';
import { ErrorNotice } from '../ui/notice.tsx';
import { LockInActions } from './lock-in-actions.tsx';
import { type LockIn, useLockIn } from './pharmacist-api.ts';
import {
  actorName,
  describeLockInEvent,
  lockInCriteriaInfo,
  lockInStateLabels,
  scopeLabels,
} from './pharmacist-words.ts';
import { PharmacyCheckForm } from './pharmacy-check-form.tsx';

/** One lock-in: evidence, decision, dates of each state, notices, what can happen next, and its history. */
export function LockInPage({ lockInId, me }: { lockInId: string; me: Me }) {
  const detail = useLockIn(lockInId);
  if (detail.isPending) return <p className="loading page-pad">Loading the lock-in…</p>;
  if (detail.isError) return <ErrorNotice error={detail.error} />;
  const { lockIn: l, events } = detail.data;
  const notice = (kind: 'initial' | 'second') => `/api/lock-ins/${encodeURIComponent(l.id)}/notices/${kind}`;
  return (
    <div className="stack">
      <p>
        <a href="#/lock-ins">← Lock-in</a>
      </p>
      <h1>
        Lock-in review · <span className="badge">{lockInStateLabels[l.state]}</span>
      </h1>
      <div className="two-col">
        <section className="panel" aria-labelledby="evidence-title">
          <h2 id="evidence-title">Evidence (as of {l.evidence.asOf})</h2>
          <dl className="facts">
            <dt>Member</dt>
            <dd>
              <a href={hrefFor({ kind: 'member', memberId: l.memberId })}>{l.memberId}</a>
            </dd>
            <dt>Criteria met</dt>
            <dd>
              <span className="badges">
                {l.evidence.criteria.map((c) => (
                  <CodeBadge key={c} table={lockInCriteriaInfo} code={c} />
                ))}
              </span>
            </dd>
            <dt>Average daily MME (180 days)</dt>
            <dd>
              {l.evidence.averageDailyMmeW180 === null ? '—' : l.evidence.averageDailyMmeW180.toFixed(0)}
            </dd>
            <dt>Opioid prescribers (180 days)</dt>
            <dd>{l.evidence.prescribersW180}</dd>
            <dt>Pharmacies (180 days)</dt>
            <dd>{l.evidence.pharmaciesW180}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="dates-title">
          <h2 id="dates-title">Decision and dates</h2>
          <LockInDates lockIn={l} />
          <p className="row">
            {l.initialNoticeOn && (
              <a href={notice('initial')} target="_blank" rel="noreferrer">
                Initial notice (PDF)
              </a>
            )}
            {l.secondNoticeOn && (
              <a href={notice('second')} target="_blank" rel="noreferrer">
                Second notice (PDF)
              </a>
            )}
          </p>
        </section>
      </div>
      {me.role === 'clinical_pharmacist' && <LockInActions lockIn={l} />}
      <div className="two-col">
        <section className="panel" aria-labelledby="history-title">
          <h2 id="history-title">History</h2>
          <ol className="history">
            {events.map((e) => (
              <li key={`${e.kind}-${e.on}-${e.fromState ?? ''}-${e.toState}-${JSON.stringify(e.detail)}`}>
                <strong>{describeLockInEvent(e.kind)}</strong> · {e.on} · {actorName(e.by, me)}
                {e.fromState && (
                  <span className="muted">
                    {' '}
                    · {lockInStateLabels[e.fromState as LockIn['state']] ?? e.fromState} →{' '}
                    {lockInStateLabels[e.toState as LockIn['state']] ?? e.toState}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </section>
        {me.role === 'clinical_pharmacist' && (
          <PharmacyCheckForm
            key={`${l.pharmacyNpi ?? ''}-${l.prescriberNpi ?? ''}`}
            memberId={l.memberId}
            pharmacyNpi={l.pharmacyNpi ?? ''}
            prescriberNpi={l.prescriberNpi ?? ''}
          />
        )}
      </div>
    </div>
  );
}

function LockInDates({ lockIn: l }: { lockIn: LockIn }) {
  const rows: Array<[string, string | null]> = [
    ['Proposed', l.proposedOn],
    ['Decision', l.scope ? `${scopeLabels[l.scope]} (${l.decidedOn ?? ''})` : l.decidedOn],
    ['Rationale', l.rationale],
    ['Initial notice sent', l.initialNoticeOn],
    ['Member response due', l.responseDueOn],
    [
      'Member response',
      l.memberResponse
        ? `${l.memberResponse.receivedOn}: pharmacy ${l.memberResponse.preferredPharmacyNpi ?? '—'}, prescriber ${
            l.memberResponse.preferredPrescriberNpi ?? '—'
          }${l.memberResponse.note ? ` (${l.memberResponse.note})` : ''}`
        : null,
    ],
    ['Second notice sent', l.secondNoticeOn],
    ['Locked pharmacy NPI', l.pharmacyNpi],
    ['Locked prescriber NPI', l.prescriberNpi],
    ['Limitation', l.effectiveFrom ? `${l.effectiveFrom} to ${l.endsOn ?? '—'}` : null],
    ['Extended', l.extendedOn],
    ['Appeal filed', l.appealFiledOn],
    ['Appeal decided', l.appealDecidedOn ? `${l.appealDecidedOn}: ${l.appealOutcome ?? ''}` : null],
    ['Closed', l.closedOn ? `${l.closedOn}${l.closeReason ? ` — ${l.closeReason}` : ''}` : null],
  ];
  return (
    <dl className="facts">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label} className="fact-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
