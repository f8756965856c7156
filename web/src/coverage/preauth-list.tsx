import type { AuthorizationView } from './coverage-api.ts';
import { coverageHref } from './coverage-routes.ts';
import { formatWhen, statusLabels } from './coverage-words.ts';
import { DecisionClock } from './decision-clock.tsx';

/** A short list of requests with status, clock and decision; each opens its request. */
export function PreauthList({
  items,
  audience,
}: {
  items: AuthorizationView[] | undefined;
  audience: 'staff' | 'member' | 'facility';
}) {
  if (!items) return <p className="loading">Loading requests…</p>;
  if (items.length === 0)
    return (
      <p className="muted">
        {audience === 'member'
          ? 'No preauthorization requests for you yet. When a program asks your plan to approve your care, it shows here.'
          : audience === 'facility'
            ? 'No requests yet. Submit one with “New request”.'
            : 'No preauthorization requests for this member.'}
      </p>
    );
  return (
    <div className="table-wrap">
      <table aria-label="Preauthorization requests">
        <thead>
          <tr>
            <th>Received</th>
            <th>Care</th>
            {audience !== 'facility' && <th>Facility</th>}
            {audience === 'facility' && <th>Member</th>}
            <th>Status</th>
            <th>Decision clock</th>
            <th className="wide-only">Authorization</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td className="nowrap">{formatWhen(a.receivedAt)}</td>
              <td>
                <a href={coverageHref({ kind: 'preauth', authorizationId: a.id })}>{a.levelOfCareName}</a>
                <div className="small muted">
                  {a.services.map((s) => `${s.code} × ${s.units}, ${s.startDate} to ${s.endDate}`).join('; ')}
                </div>
              </td>
              {audience !== 'facility' && <td>{a.facility.name}</td>}
              {audience === 'facility' && <td>{a.memberId}</td>}
              <td>
                <StatusPill status={a.status} />
              </td>
              <td>
                <DecisionClock clock={a.clock} />
              </td>
              <td className="small wide-only">{a.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A request's status in words; amber only when the facility or member must act (pended). */
export function StatusPill({ status }: { status: string }) {
  return <span className={`status-pill preauth-${status}`}>{statusLabels[status] ?? status}</span>;
}
