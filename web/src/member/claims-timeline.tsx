import type { MemberView } from '../api/types.ts';
import { describeCode } from '../ui/codes.ts';
import { useRuleCodes } from '../ui/rule-codes.ts';

/** Twelve months of claims, newest first: fills, ED visits, overdoses, admissions, MOUD, detox. */
export function ClaimsTimeline({ member }: { member: MemberView }) {
  const codes = useRuleCodes();
  const claims = [...member.timeline].sort((a, b) => b.date.localeCompare(a.date));
  // Mark the claims the checkpoint counted as emergencies (RISK-RULES §6).
  const emergencies = new Map<string, string[]>();
  for (const e of member.risk.emergencies)
    emergencies.set(e.claimId, [...new Set([...(emergencies.get(e.claimId) ?? []), e.kind])]);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Claims, last 12 months</h2>
      {claims.length === 0 ? (
        <p className="muted">No claims in the last 12 months.</p>
      ) : (
        <ol className="timeline">
          {claims.map((c) => (
            <li key={`${c.kind}-${c.claimId}`}>
              <span className="num">{c.date}</span>
              <span className="muted">{c.kind === 'pharmacy' ? 'Fill' : 'Visit'}</span>
              <span>
                {(emergencies.get(c.claimId) ?? []).map((kind) => (
                  <span key={kind} className={`badge${kind === 'OPIOID_OVERDOSE' ? ' urgent' : ''}`}>
                    {describeCode(codes.emergencies, kind).label}
                  </span>
                ))}{' '}
                {c.label}
                {c.daysSupply ? ` · ${c.daysSupply} days` : ''}
                {c.codes.length > 0 && (
                  <span className="muted small"> · {c.codes.slice(0, 4).join(', ')}</span>
                )}
                {c.part2 && (
                  <span className="badge part2" title="42 CFR Part 2: do not re-disclose">
                    Part 2
                  </span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
