import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiFetch } from '../api/http.ts';
import type { Me } from '../api/session.ts';
import { ActionError } from '../ui/action-error.tsx';
import { formatDateTime } from '../ui/dates.ts';
import { ErrorNotice, Notice } from '../ui/notice.tsx';
import { LetterReport } from './letter-report.tsx';
import { type LetterRun, type LetterStatus, todayIso, useLetters } from './pharmacist-api.ts';
import { countOf, letterStatusLabels } from './pharmacist-words.ts';

/** Letters to prescribers (RISK-RULES §8): generate a run, list letters by status, and the sent report. */
export function LettersPage({ me }: { me: Me }) {
  const [status, setStatus] = useState<LetterStatus | ''>('');
  const letters = useLetters(status || undefined);
  const items = letters.data?.items ?? [];
  return (
    <div className="stack">
      <h1>Prescriber letters</h1>
      {me.role === 'clinical_pharmacist' && <GenerateLetters />}
      <section className="panel" aria-labelledby="letters-title">
        <header className="row">
          <h2 id="letters-title">Letters</h2>
          <span className="spacer" />
          <label>
            Status{' '}
            <select value={status} onChange={(e) => setStatus(e.target.value as LetterStatus | '')}>
              <option value="">Any</option>
              <option value="generated">Ready to send</option>
              <option value="sent">Sent</option>
              <option value="superseded">Replaced</option>
            </select>
          </label>
        </header>
        {letters.isPending ? (
          <p className="loading">Loading letters…</p>
        ) : letters.isError ? (
          <ErrorNotice error={letters.error} />
        ) : items.length === 0 ? (
          <Notice title="No letters yet">
            Generate letters for an as-of date above; each prescriber of a high-risk member gets one.
          </Notice>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Prescriber</th>
                  <th>As of</th>
                  <th className="num">Members</th>
                  <th>Status</th>
                  <th>Sent</th>
                  <th>Letter</th>
                </tr>
              </thead>
              <tbody>
                {items.map((l) => (
                  <tr key={l.letterId}>
                    <td>
                      <a href={`#/letters/${encodeURIComponent(l.letterId)}`}>
                        {l.prescriberName ?? 'Prescriber'}
                      </a>{' '}
                      <span className="muted small">NPI {l.prescriberNpi}</span>
                    </td>
                    <td>{l.asOf}</td>
                    <td className="num">{l.memberCount}</td>
                    <td>
                      <span className="badge quiet">{letterStatusLabels[l.status]}</span>
                    </td>
                    <td>{l.sentAt ? formatDateTime(l.sentAt) : '—'}</td>
                    <td>
                      <a
                        href={`/api/letters/${encodeURIComponent(l.letterId)}/pdf`}
                        target="_blank"
                        rel="noreferrer"
                      >
                        PDF
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <LetterReport me={me} />
    </div>
  );
}

function GenerateLetters() {
  const client = useQueryClient();
  const [asOf, setAsOf] = useState(todayIso);
  const run = useMutation({
    mutationFn: (day: string) =>
      apiFetch<LetterRun>('/api/letters/runs', { method: 'POST', body: { asOf: day } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['letters'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate(asOf);
  };
  return (
    <section className="panel" aria-labelledby="generate-title">
      <h2 id="generate-title">Generate letters</h2>
      <form className="row" onSubmit={submit}>
        <label>
          As of <input type="date" value={asOf} max={todayIso()} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={run.isPending}>
          {run.isPending ? 'Generating…' : 'Generate letters'}
        </button>
        <span className="muted small">
          Letters are not sent until you send each one. Unsent letters of an earlier run are replaced.
        </span>
      </form>
      {run.isError && <ActionError error={run.error} />}
      {run.data && (
        <p role="status" className="saved">
          {countOf(run.data.counts.letters, 'letter')} generated for{' '}
          {countOf(run.data.counts.highRiskMembers, 'member')} at high risk;{' '}
          {countOf(run.data.counts.suppressed, 'repeat')} suppressed (already told within 180 days);{' '}
          {countOf(run.data.counts.part2Withheld, 'Part 2 fact')} left out without consent.
        </p>
      )}
    </section>
  );
}
