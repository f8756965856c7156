import { useState } from 'react';
import { ErrorNotice } from '../ui/notice.tsx';
import { useReviewQueue } from './coverage-api.ts';
import { coverageHref } from './coverage-routes.ts';
import { formatWhen } from './coverage-words.ts';
import { DecisionClock } from './decision-clock.tsx';
import { StatusPill } from './preauth-list.tsx';

type Filter = 'all' | 'due-soon' | 'overdue';
const suggestionWords: Record<string, string> = {
  approve: 'approve',
  'partially-approve': 'partly approve',
  pend: 'ask for information',
  deny: 'deny (criteria missed)',
};
/** Member ids masked in the queue: the reviewer does not call members, the id is on the request itself. */
const mask = (id: string) => `••${id.slice(-4)}`;

/** UM reviewer: open requests, soonest deadline first, each with its decision clock and the criteria at a glance. */
export function ReviewQueuePage() {
  const queue = useReviewQueue();
  const [filter, setFilter] = useState<Filter>('all');
  if (queue.isError) return <ErrorNotice error={queue.error} />;
  const items = [...(queue.data?.items ?? [])].sort((a, b) => a.clock.dueAt.localeCompare(b.clock.dueAt));
  const count = (state: string) => items.filter((a) => a.clock.state === state).length;
  const shown = filter === 'all' ? items : items.filter((a) => a.clock.state === filter);
  return (
    <div className="stack">
      <div className="row">
        <h1>Preauthorization reviews</h1>
        <span className="muted">
          {items.length} open · decide within 72 hours (expedited) or 7 days (standard)
        </span>
      </div>
      <fieldset className="row segmented">
        <legend className="sr-only">Show</legend>
        {(
          [
            ['all', `All (${items.length})`],
            ['due-soon', `Due soon (${count('due-soon')})`],
            ['overdue', `Overdue (${count('overdue')})`],
          ] as const
        ).map(([value, label]) => (
          <button key={value} type="button" aria-pressed={filter === value} onClick={() => setFilter(value)}>
            {label}
          </button>
        ))}
      </fieldset>
      {queue.isPending ? (
        <p className="loading">Loading the queue…</p>
      ) : shown.length === 0 ? (
        <p className="muted">
          {filter === 'all'
            ? 'No open requests. New requests from facilities appear here.'
            : 'None in this group.'}
        </p>
      ) : (
        <div className="table-wrap">
          <table aria-label="Open requests">
            <thead>
              <tr>
                <th>Decision clock</th>
                <th>Priority</th>
                <th>Care requested</th>
                <th>Facility</th>
                <th className="wide-only">Member</th>
                <th className="wide-only">Received</th>
                <th>Status</th>
                <th>Criteria</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => {
                const met = a.criteria.filter((c) => c.result === 'met').length;
                const missed = a.criteria.filter((c) => c.result === 'missed').length;
                return (
                  <tr key={a.id}>
                    <td>
                      <DecisionClock clock={a.clock} />
                    </td>
                    <td>{a.priority === 'expedited' ? <strong>Expedited</strong> : 'Standard'}</td>
                    <td>
                      <a href={coverageHref({ kind: 'preauth', authorizationId: a.id })}>
                        {a.levelOfCareName}
                      </a>
                      <div className="small muted">
                        {a.services.map((s) => `${s.code} × ${s.units}`).join(', ')} · {a.id}
                      </div>
                    </td>
                    <td>{a.facility.name}</td>
                    <td className="small wide-only">{mask(a.memberId)}</td>
                    <td className="nowrap wide-only">{formatWhen(a.receivedAt)}</td>
                    <td>
                      <StatusPill status={a.status} />
                    </td>
                    <td className="small">
                      {met} of {a.criteria.length} met{missed > 0 ? ` · ${missed} missed` : ''}
                      {a.suggestion && (
                        <div className="muted">Suggests: {suggestionWords[a.suggestion] ?? a.suggestion}</div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
