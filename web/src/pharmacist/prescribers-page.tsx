import { useState } from 'react';
import { hrefFor } from '../router.ts';
import { CodeBadge } from '../ui/code-badge.tsx';
import { ErrorNotice, Notice } from '../ui/notice.tsx';
import { type RankedPrescriber, todayIso, usePrescriberRanking } from './pharmacist-api.ts';
import { countOf } from './pharmacist-words.ts';

/** Prescriber monitoring (RISK-RULES §8): prescribers ranked by their high-risk members, with the facts. */
export function PrescribersPage() {
  const [asOf, setAsOf] = useState(todayIso);
  const ranking = usePrescriberRanking(asOf);
  const prescribers = ranking.data?.prescribers ?? [];
  return (
    <div className="stack">
      <h1>Prescriber monitoring</h1>
      <div className="filters">
        <label>
          As of <input type="date" value={asOf} max={todayIso()} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        <span className="muted">
          Members at high risk with an opioid fill in the last 90 days, under each prescriber who wrote for
          them.
        </span>
      </div>
      {ranking.isPending ? (
        <p className="loading">
          Finding prescribers… this reads a year of claims and can take a few seconds.
        </p>
      ) : ranking.isError ? (
        <ErrorNotice error={ranking.error} />
      ) : prescribers.length === 0 ? (
        <Notice title="No prescribers to show">
          No member was high risk for prescribers on this date. Try another as-of date.
        </Notice>
      ) : (
        <>
          <p className="muted">
            Average daily MME, prescriber, pharmacy and benzodiazepine-overlap counts cover the last 180 days.
            Facts marked §2 are Part 2 protected: do not re-disclose them; letters include them only with the
            member's consent.
          </p>
          <p className="muted">
            {prescribers.length} prescribers ·{' '}
            {new Set(prescribers.flatMap((p) => p.members.map((m) => m.memberId))).size} members at high risk
          </p>
          {prescribers.map((p, i) => (
            <PrescriberPanel key={p.npi} prescriber={p} rank={i + 1} open={i < 3} />
          ))}
        </>
      )}
    </div>
  );
}

function PrescriberPanel({
  prescriber: p,
  rank,
  open,
}: {
  prescriber: RankedPrescriber;
  rank: number;
  open: boolean;
}) {
  const titleId = `prescriber-${p.npi}`;
  return (
    <details className="panel prescriber" open={open}>
      <summary aria-labelledby={titleId}>
        <span className="rank">{rank}</span>
        <strong id={titleId}>{p.name ?? 'Prescriber'}</strong> <span className="muted">NPI {p.npi}</span>
        <span className="spacer" />
        <span className="badge urgent">{countOf(p.volume.highRiskPatients, 'high-risk member')}</span>
        <span className="muted small">
          Own opioid volume, last 90 days: {countOf(p.volume.opioidFills, 'fill')} for{' '}
          {countOf(p.volume.opioidPatients, 'patient')}, {countOf(p.volume.opioidDaysSupply, 'day')} supplied
        </span>
      </summary>
      <table>
        <caption className="sr-only">High-risk members of {p.name ?? `prescriber ${p.npi}`}</caption>
        <thead>
          <tr>
            <th>Member</th>
            <th>Why high risk</th>
            <th className="num">Average daily MME</th>
            <th className="num">Prescribers</th>
            <th className="num">Pharmacies</th>
            <th className="num">Days with a benzodiazepine</th>
            <th className="num">Fills by this prescriber</th>
          </tr>
        </thead>
        <tbody>
          {p.members.map((m) => (
            <tr key={m.memberId}>
              <td>
                <a href={hrefFor({ kind: 'member', memberId: m.memberId })}>{m.memberId}</a>
              </td>
              <td>
                <span className="badges">
                  {m.factors.map((f) => (
                    <CodeBadge key={f} kind="riskFactors" code={f} urgent={f === 'OPIOID_OVERDOSE_HISTORY'} />
                  ))}
                </span>
              </td>
              <td className="num">
                {m.averageDailyMmeW180 === null ? '—' : m.averageDailyMmeW180.toFixed(0)}
              </td>
              <td className="num">{m.prescribersW180}</td>
              <td className="num">{m.pharmaciesW180}</td>
              <td className="num">{m.overlapDaysW180}</td>
              <td className="num">{m.fillsByThisPrescriber}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
