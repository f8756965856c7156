import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/http.ts';
import type { Me } from '../api/session.ts';
import { ActionError } from '../ui/action-error.tsx';
import { describeCode } from '../ui/codes.ts';
import { ErrorNotice, Notice } from '../ui/notice.tsx';
import { type LockInState, todayIso, useLockIns } from './pharmacist-api.ts';
import { countOf, lockInCriteriaInfo, lockInStateLabels } from './pharmacist-words.ts';

/** Lock-in (RISK-RULES §9): find candidates, the review queue, every lock-in by state, the daily job. */
export function LockInsPage({ me }: { me: Me }) {
  const [state, setState] = useState<LockInState | ''>('proposed');
  const lockIns = useLockIns(state || undefined);
  const items = lockIns.data?.items ?? [];
  const pharmacist = me.role === 'clinical_pharmacist';
  return (
    <div className="stack">
      <h1>Lock-in</h1>
      {pharmacist && <LockInTools />}
      <section className="panel" aria-labelledby="queue-title">
        <header className="row">
          <h2 id="queue-title">{state === 'proposed' ? 'Review queue' : 'Lock-ins'}</h2>
          <span className="spacer" />
          <label>
            State{' '}
            <select value={state} onChange={(e) => setState(e.target.value as LockInState | '')}>
              <option value="">Any</option>
              {Object.entries(lockInStateLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </header>
        {lockIns.isPending ? (
          <p className="loading">Loading…</p>
        ) : lockIns.isError ? (
          <ErrorNotice error={lockIns.error} />
        ) : items.length === 0 ? (
          <Notice title="Nothing here">
            {state === 'proposed'
              ? 'No member is waiting for review. Find candidates for an as-of date above.'
              : 'No lock-in is in this state.'}
          </Notice>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Member</th>
                  <th>State</th>
                  <th>Evidence</th>
                  <th className="num">Average daily MME</th>
                  <th className="num">Prescribers</th>
                  <th className="num">Pharmacies</th>
                  <th>Proposed</th>
                  <th>Limited from – to</th>
                </tr>
              </thead>
              <tbody>
                {items.map((l) => (
                  <tr key={l.id}>
                    <td>
                      <a href={`#/lock-ins/${encodeURIComponent(l.id)}`}>{l.memberId}</a>
                    </td>
                    <td>{lockInStateLabels[l.state]}</td>
                    <td>
                      {l.evidence.criteria.map((c) => describeCode(lockInCriteriaInfo, c).label).join(', ')}
                    </td>
                    <td className="num">
                      {l.evidence.averageDailyMmeW180 === null
                        ? '—'
                        : l.evidence.averageDailyMmeW180.toFixed(0)}
                    </td>
                    <td className="num">{l.evidence.prescribersW180}</td>
                    <td className="num">{l.evidence.pharmaciesW180}</td>
                    <td>{l.proposedOn}</td>
                    <td>{l.effectiveFrom ? `${l.effectiveFrom} – ${l.endsOn ?? ''}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function LockInTools() {
  const client = useQueryClient();
  const [asOf, setAsOf] = useState(todayIso);
  const [jobDay, setJobDay] = useState(todayIso);
  const refresh = () => void client.invalidateQueries({ queryKey: ['lock-ins'] });
  const review = useMutation({
    mutationFn: () =>
      apiFetch<{ candidates: number; proposed: number; alreadyOpen: number }>('/api/lock-ins/review', {
        method: 'POST',
        body: { asOf },
      }),
    onSuccess: refresh,
  });
  const job = useMutation({
    mutationFn: () =>
      apiFetch<{ today: string; examined: number; activated: number; expired: number }>(
        '/api/lock-ins/daily-job',
        { method: 'POST', body: { today: jobDay } },
      ),
    onSuccess: () => {
      refresh();
      void client.invalidateQueries({ queryKey: ['lock-in'] });
    },
  });
  return (
    <div className="two-col">
      <section className="panel" aria-labelledby="find-title">
        <h2 id="find-title">Find candidates</h2>
        <div className="row">
          <label>
            As of <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          </label>
          <button
            type="button"
            className="primary"
            disabled={review.isPending}
            onClick={() => review.mutate()}
          >
            {review.isPending ? 'Finding…' : 'Find lock-in candidates'}
          </button>
        </div>
        {review.isError && <ActionError error={review.error} />}
        {review.data && (
          <p role="status" className="saved">
            {countOf(review.data.candidates, 'member')} met the lock-in criteria; {review.data.proposed} added
            to the review queue, {review.data.alreadyOpen} already have an open lock-in.
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="job-title">
        <h2 id="job-title">Daily job</h2>
        <p className="muted small">
          Starts limitations on their effective date and ends them after their last day. Safe to run twice.
        </p>
        <div className="row">
          <label>
            For day <input type="date" value={jobDay} onChange={(e) => setJobDay(e.target.value)} />
          </label>
          <button type="button" disabled={job.isPending} onClick={() => job.mutate()}>
            Run the daily job
          </button>
        </div>
        {job.isError && <ActionError error={job.error} />}
        {job.data && (
          <p role="status" className="saved">
            {job.data.today}: {job.data.examined} examined, {job.data.activated} started, {job.data.expired}{' '}
            expired.
          </p>
        )}
      </section>
    </div>
  );
}
