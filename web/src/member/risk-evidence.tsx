import type { MemberView } from '../api/types.ts';
import { CodeBadge } from '../ui/code-badge.tsx';
import { describeCode } from '../ui/codes.ts';
import { useRuleCodes } from '../ui/rule-codes.ts';

type Claim = MemberView['timeline'][number];

function EvidenceList({ ids, claims }: { ids: string[]; claims: Map<string, Claim> }) {
  if (ids.length === 0) return null;
  return (
    <ul className="evidence">
      {ids.map((id) => {
        const claim = claims.get(id);
        return (
          <li key={id}>
            {claim ? (
              <>
                <span className="num">{claim.date}</span> {claim.label}
                {claim.daysSupply ? ` · ${claim.daysSupply} days` : ''}
                {claim.part2 && <span className="badge part2">Part 2</span>}
              </>
            ) : (
              <span className="muted">claim {id}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Emergencies grouped by day, newest first: one visit often meets several kinds. */
function groupByDate<T extends { date: string }>(events: T[]): Array<[string, T[]]> {
  const days = new Map<string, T[]>();
  for (const e of events) days.set(e.date, [...(days.get(e.date) ?? []), e]);
  return [...days.entries()].sort((a, b) => b[0].localeCompare(a[0]));
}

/** The number that decided a factor, in words (RISK-RULES §5). */
function describeValue(code: string, value: number): string {
  switch (code) {
    case 'HIGH_MME':
      return `average ${value.toFixed(2)} MME a day over 180 days · `;
    case 'LONG_TERM_OPIOID':
      return `${value} opioid days in 180 · `;
    case 'OPIOID_BENZO_OVERLAP':
      return `${value} days with both in 180 · `;
    case 'MULTIPLE_PRESCRIBERS_PHARMACIES':
      return `${value} prescribers · `;
    default:
      return '';
  }
}

/** Each risk factor met and each emergency, with the claims behind it; exclusions and context below. */
export function RiskEvidence({ member }: { member: MemberView }) {
  const codes = useRuleCodes();
  const claims = new Map(member.timeline.map((c) => [c.claimId, c]));
  const met = member.risk.riskFactors.filter((f) => f.met);
  return (
    <section className="panel" aria-labelledby="risk-title">
      <h2 id="risk-title" tabIndex={-1}>
        Why this member is on the worklist
      </h2>
      <h3>Emergencies in the last 90 days</h3>
      {member.risk.emergencies.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="evidence">
          {groupByDate(member.risk.emergencies).map(([date, events]) => (
            <li key={date}>
              <span className="num">{date}</span>{' '}
              {[...new Set(events.map((e) => e.kind))].map((kind) => (
                <CodeBadge key={kind} kind="emergencies" code={kind} urgent={kind === 'OPIOID_OVERDOSE'} />
              ))}{' '}
              <span className="muted small">
                {[...new Set(events.map((e) => claims.get(e.claimId)?.label ?? `claim ${e.claimId}`))].join(
                  ', ',
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>Risk factors</h3>
      {met.length === 0 ? (
        <p className="muted">None met.</p>
      ) : (
        met.map((f) => {
          const info = describeCode(codes.riskFactors, f.code);
          return (
            <details key={f.code} className="factor" open={member.risk.riskFactors.length <= 3}>
              <summary>
                <span className={`badge${info.part2 ? ' part2' : ''}`}>
                  {info.label}
                  {info.part2 && ' · Part 2'}
                </span>{' '}
                <span className="muted small">
                  {describeValue(f.code, f.value)}
                  {f.evidence.length} claim(s)
                </span>
              </summary>
              <p className="small">
                {info.rule} <span className="muted">({info.section})</span>
              </p>
              <EvidenceList ids={f.evidence} claims={claims} />
            </details>
          );
        })
      )}
      <h3>Exclusions and context</h3>
      <div className="badges">
        {member.risk.exclusions.map((code) => (
          <CodeBadge key={code} kind="exclusions" code={code} quiet />
        ))}
        {member.risk.context.map((code) => (
          <CodeBadge key={code} kind="context" code={code} quiet />
        ))}
        {member.risk.exclusions.length + member.risk.context.length === 0 && (
          <span className="muted">None.</span>
        )}
      </div>
      {member.part2Withheld && (
        <p className="muted small">
          Some substance-use records are withheld: your role has no consent to see them.
        </p>
      )}
    </section>
  );
}
