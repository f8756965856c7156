import type { CaseWorkSummary, WorklistItem } from '../api/types.ts';
import { hrefFor } from '../router.ts';
import { CodeBadge } from '../ui/code-badge.tsx';
import { contextInfo, emergencyInfo, riskFactorInfo, statusLabels } from '../ui/codes.ts';
import { daysSince } from '../ui/dates.ts';
import { DueClock } from './due-clock.tsx';

/** The worklist rows: priority, member, market, plan, emergencies and factors as badges, clocks, assignee, stage. */
export function WorklistTable({
  items,
  work,
  selected,
  busy,
}: {
  items: WorklistItem[];
  work: Map<string, CaseWorkSummary> | undefined;
  selected: number;
  busy: boolean;
}) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table aria-label="Outreach cases, highest priority first">
        <thead>
          <tr>
            <th aria-sort="descending">Priority</th>
            <th>Member</th>
            <th>Market</th>
            <th className="hide-tablet">Plan</th>
            <th>Emergencies</th>
            <th>Risk factors</th>
            <th title="Days since the latest emergency">Days since</th>
            <th title="First attempt due within 2 business days of identification">First call</th>
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
