import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/http.ts';
import type { Me } from '../api/session.ts';
import { describeCode } from '../ui/codes.ts';
import { formatDateTime } from '../ui/dates.ts';
import { ErrorNotice, Notice } from '../ui/notice.tsx';
import { useRuleCodes } from '../ui/rule-codes.ts';
import { type LetterReportRow, todayIso } from './pharmacist-api.ts';
import { actorName } from './pharmacist-words.ts';

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** What was sent to whom and why, over a date range (for supervisors and pharmacists). */
export function LetterReport({ me }: { me: Me }) {
  const codes = useRuleCodes();
  const [to, setTo] = useState(todayIso);
  const [from, setFrom] = useState(() => daysBefore(todayIso(), 30));
  const report = useQuery({
    queryKey: ['letter-report', from, to],
    queryFn: () => apiFetch<{ items: LetterReportRow[] }>(`/api/letters/report?from=${from}&to=${to}`),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to),
  });
  const items = report.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="report-title">
      <header className="row">
        <h2 id="report-title">What was sent to whom, and why</h2>
        <span className="spacer" />
        <label>
          From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </header>
      {report.isPending ? (
        <p className="loading">Loading…</p>
      ) : report.isError ? (
        <ErrorNotice error={report.error} />
      ) : items.length === 0 ? (
        <Notice title="Nothing sent in these dates">Letters appear here once they are sent.</Notice>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Sent</th>
                <th>By</th>
                <th>To prescriber</th>
                <th>About member</th>
                <th>Why (facts disclosed)</th>
                <th>New since last letter</th>
                <th className="num">Part 2 facts left out</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={`${r.letterId}-${r.memberId}`}>
                  <td>{formatDateTime(r.sentAt)}</td>
                  <td>{actorName(r.sentBy, me)}</td>
                  <td>
                    <a href={`#/letters/${encodeURIComponent(r.letterId)}`}>
                      {r.prescriberName ?? r.prescriberNpi}
                    </a>
                  </td>
                  <td>{r.memberId}</td>
                  <td>{r.why.map((c) => describeCode(codes.riskFactors, c).label).join(', ')}</td>
                  <td>
                    {r.newSinceLastLetter.map((c) => describeCode(codes.riskFactors, c).label).join(', ') ||
                      '—'}
                  </td>
                  <td className="num">{r.part2FactsLeftOut}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
