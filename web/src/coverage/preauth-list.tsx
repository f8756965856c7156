import { formatDateTime } from '../i18n/i18n.ts';
import { useSay } from '../i18n/use-say.ts';
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
  const member = audience === 'member';
  const say = useSay(member);
  if (!items) return <p className="loading">{say('auths.loading', 'Loading requests…')}</p>;
  if (items.length === 0)
    return (
      <p className="muted">
        {audience === 'member'
          ? say('auths.none', '')
          : audience === 'facility'
            ? 'No requests yet. Submit one with “New request”.'
            : 'No preauthorization requests for this member.'}
      </p>
    );
  return (
    <div className="table-wrap">
      <table aria-label={say('auths.requests', 'Preauthorization requests')}>
        <thead>
          <tr>
            <th>{say('auths.received', 'Received')}</th>
            <th>{say('auths.care', 'Care')}</th>
            {audience !== 'facility' && <th>{say('auths.facility', 'Facility')}</th>}
            {audience === 'facility' && <th>Member</th>}
            <th>{say('auths.status', 'Status')}</th>
            <th>{say('auths.clock', 'Decision clock')}</th>
            <th className="wide-only">{say('auths.authorization', 'Authorization')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td className="nowrap">{member ? formatDateTime(a.receivedAt) : formatWhen(a.receivedAt)}</td>
              <td>
                <a href={coverageHref({ kind: 'preauth', authorizationId: a.id })}>{a.levelOfCareName}</a>
                <div className="small muted">
                  {a.services.map((s) => `${s.code} × ${s.units}, ${s.startDate} to ${s.endDate}`).join('; ')}
                </div>
              </td>
              {audience !== 'facility' && <td>{a.facility.name}</td>}
              {audience === 'facility' && <td>{a.memberId}</td>}
              <td>
                <StatusPill status={a.status} forMember={member} />
              </td>
              <td>
                <DecisionClock clock={a.clock} forMember={member} />
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
export function StatusPill({ status, forMember = false }: { status: string; forMember?: boolean }) {
  const say = useSay(forMember);
  return (
    <span className={`status-pill preauth-${status}`}>
      {say(`auths.statuses.${status}`, statusLabels[status] ?? status)}
    </span>
  );
}
