import type { WorklistItem, WorklistQuery } from '../api/types.ts';
import { hrefFor } from '../router.ts';
import { CodeBadge } from '../ui/code-badge.tsx';
import { emergencyInfo, riskFactorInfo, statusLabels } from '../ui/codes.ts';
import { DueClock } from './due-clock.tsx';

type Sort = WorklistQuery['sort'];

function SortHeader({
  label,
  value,
  sort,
  onSort,
}: {
  label: string;
  value: Sort;
  sort: Sort;
  onSort: (s: Sort) => void;
}) {
  return (
    <th aria-sort={sort === value ? 'descending' : 'none'}>
      <button type="button" onClick={() => onSort(value)}>
        {label}
        {sort === value ? ' ↓' : ''}
      </button>
    </th>
  );
}

/** The worklist rows: priority, member, market, plan, emergencies and factors as badges, clocks, assignee, status. */
export function WorklistTable({
  items,
  sort,
  onSort,
  selected,
  busy,
}: {
  items: WorklistItem[];
  sort: Sort;
  onSort: (s: Sort) => void;
  selected: number;
  busy: boolean;
}) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table>
        <caption className="sr-only">Outreach cases, sorted by {sort}</caption>
        <thead>
          <tr>
            <SortHeader label="Priority" value="priority" sort={sort} onSort={onSort} />
            <th>Member</th>
            <th>Market</th>
            <th className="hide-tablet">Plan</th>
            <th>Emergencies</th>
            <th>Risk factors</th>
            <SortHeader label="Days since" value="emergency" sort={sort} onSort={onSort} />
            <SortHeader label="First call" value="due" sort={sort} onSort={onSort} />
            <th className="hide-tablet">Assignee</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={item.caseId} className={index === selected ? 'selected' : undefined}>
              <td className="num">{item.priority}</td>
              <td>
                <a href={hrefFor({ kind: 'case', caseId: item.caseId })}>
                  {item.memberName ?? item.memberId}
                </a>
                {item.memberName && <div className="muted small">{item.memberId}</div>}
              </td>
              <td>{item.market}</td>
              <td className="hide-tablet">{item.planType ?? '—'}</td>
              <td>
                <div className="badges">
                  {item.emergencies.map((e) => (
                    <CodeBadge
                      key={`${e.kind}-${e.date}`}
                      table={emergencyInfo}
                      code={e.kind}
                      urgent={e.kind === 'OPIOID_OVERDOSE'}
                    >
                      <p>Date: {e.date}</p>
                    </CodeBadge>
                  ))}
                </div>
              </td>
              <td>
                <div className="badges">
                  {item.riskFactors.map((f) => (
                    <CodeBadge key={f.code} table={riskFactorInfo} code={f.code}>
                      {f.value != null && <p>Value: {f.value}</p>}
                      <p className="muted">
                        {f.evidence.length} claim(s) as evidence; open the case for details.
                      </p>
                    </CodeBadge>
                  ))}
                </div>
              </td>
              <td className="num">{item.daysSinceEmergency ?? '—'}</td>
              <td>
                <DueClock dueAt={item.firstAttemptDueAt} firstAttemptAt={item.firstAttemptAt} />
              </td>
              <td className="hide-tablet">
                {item.assigneeName ?? <span className="muted">Unassigned</span>}
              </td>
              <td className="status-pill">{statusLabels[item.status] ?? item.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
