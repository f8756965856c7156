import type { CaseWork, MemberView } from '../api/types.ts';

function ageOn(birthDate: string | null, asOf: string): string {
  if (!birthDate) return '—';
  const years = Math.floor((Date.parse(asOf) - Date.parse(birthDate)) / (365.25 * 86_400_000));
  return `${years}`;
}

/** Who the member is, how to reach them, and what their plan includes. */
export function MemberSummary({ member, plan }: { member: MemberView; plan?: CaseWork['plan'] | undefined }) {
  const p = member.profile;
  const name = [p.firstName, p.lastName].filter(Boolean).join(' ') || p.memberId;
  const current =
    member.coverage.find((c) => c.endDate === null || c.endDate >= member.asOf) ?? member.coverage[0];
  const bh = plan?.behavioralHealthCaseManagement;
  return (
    <section className="panel" aria-labelledby="member-name">
      <header className="row">
        <h1 id="member-name">{name}</h1>
        <span className="muted">{p.memberId}</span>
      </header>
      <dl className="facts">
        <dt>Age · gender</dt>
        <dd>
          {ageOn(p.birthDate, member.asOf)} · {p.gender ?? '—'}
        </dd>
        <dt>Phone</dt>
        <dd>{p.phone ? <a href={`tel:${p.phone}`}>{p.phone}</a> : '—'}</dd>
        <dt>Address</dt>
        <dd>{[p.addressLine, p.city, p.state, p.zip].filter(Boolean).join(', ') || '—'}</dd>
        <dt>Coverage</dt>
        <dd>
          {current
            ? `${current.lineOfBusiness} · ${current.planType ?? 'plan type unknown'} · ${current.planId} · since ${current.startDate}${current.endDate ? ` until ${current.endDate}` : ''}`
            : 'No coverage on file'}
        </dd>
        <dt>BH case management</dt>
        <dd>
          {bh === true ? (
            'Included in this plan'
          ) : bh === false ? (
            <span className="badge urgent">Not included in this plan</span>
          ) : (
            <span className="muted">Unknown: ask the member to check their plan materials</span>
          )}
        </dd>
      </dl>
    </section>
  );
}
