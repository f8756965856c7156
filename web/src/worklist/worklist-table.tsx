import type { CaseWorkSummary, WorklistItem, WorklistSort } from '../api/types.ts';
import { hrefFor } from '../router.ts';
import { CodeBadge } from '../ui/code-badge.tsx';
import { contextInfo, emergencyInfo, riskFactorInfo, statusLabels } from '../ui/codes.ts';
import { daysSince } from '../ui/dates.ts';
import { DueClock } from './due-clock.tsx';
import { describeWorklistSort, SortHeader } from './worklist-sort.tsx';

/**
 * The worklist rows: priority, member, market, plan, emergencies and factors as badges, clocks, assignee, stage;
 * Priority, Member, Days since and First call headers sort the list on the server.
 */
export function WorklistTable({
  items,
  work,
  selected,
  busy,
  sort,
  onSort,
}: {
  items: WorklistItem[];
  work: Map<string, CaseWorkSummary> | undefined;
  selected: number;
  busy: boolean;
  sort: WorklistSort;
  onSort: (sort: WorklistSort) => void;
}) {
  const header = { active: sort, onSort };
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table aria-label={describeWorklistSort(sort)}>
        <thead>
          <tr>
            <SortHeader sort="priority" label="Priority" {...header} />
            <SortHeader sort="member" label="Member" {...header} />
            <th>Market</th>
            <th className="hide-tablet">Plan</th>
            <th>Emergencies</th>
            <th>Risk factors</th>
            <SortHeader
              sort="emergency"
              label="Days since"
              title="Days since the latest emergency"
              {...header}
            />
            <SortHeader
              sort="due"
              label="First call"
              title="First attempt due within 2 business days of identification"
              {...header}
            />
            <th className="hide-tablet">Assignee</th>
            <th>Stage</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => {
            const w = work?.get(item.caseId);
            const days = daysSince(item.latestEmergencyDate);
            return (
              <tr
                key={item.caseId}
                className={index === selected ? 'selected' : undefined}
                aria-selected={index === selected}
              >
                <td className="num">{item.priority}</td>
                <td>
                  <a href={hrefFor({ kind: 'case', caseId: item.caseId })}>
                    {w?.memberName ?? item.memberId}
                  </a>
                  <div className="muted small">{item.memberId}</div>
                </td>
                <td>{item.market ?? '—'}</td>
                <td className="hide-tablet">{w?.planType ?? '—'}</td>
                <td>
                  <div className="badges">
                    {item.emergencyKinds.map((kind) => (
                      <CodeBadge
                        key={kind}
                        table={emergencyInfo}
                        code={kind}
                        urgent={kind === 'OPIOID_OVERDOSE'}
                      />
                    ))}
                  </div>
                </td>
                <td>
                  <div className="badges">
                    {item.riskFactorCodes.map((code) => (
                      <CodeBadge key={code} table={riskFactorInfo} code={code} />
                    ))}
                    {item.context.map((code) => (
                      <CodeBadge key={code} table={contextInfo} code={code} quiet />
                    ))}
                  </div>
                </td>
                <td className={`num${days !== null && days <= 7 ? ' urgent-text' : ''}`}>{days ?? '—'}</td>
                <td>
                  {w ? <DueClock dueAt={w.firstAttemptDueAt} firstAttemptAt={w.firstAttemptAt} /> : '…'}
                </td>
                <td className="hide-tablet">
                  {w?.assigneeName ?? <span className="muted">Unassigned</span>}
                </td>
                <td>{w ? (statusLabels[w.stage] ?? w.stage) : item.status}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
