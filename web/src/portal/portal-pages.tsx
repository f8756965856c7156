import { type ReactNode, useState } from 'react';
import { CareSearch } from '../coverage/care-search.tsx';
import { CostEstimatePanel } from '../coverage/cost-estimate-panel.tsx';
import { useMemberCoverage, useMemberPreauths, useMyMemberId, usePlan } from '../coverage/coverage-api.ts';
import { formatMoney } from '../coverage/coverage-words.ts';
import { PreauthList } from '../coverage/preauth-list.tsx';
import { FeedbackForm } from '../family/feedback-form.tsx';
import { ErrorNotice, Notice } from '../ui/notice.tsx';

const planTypeWords: Record<string, string> = {
  HMO: 'an HMO: use care in the plan network, with a referral for specialist care',
  EPO: 'an EPO: use care in the plan network; no referrals needed',
  POS: 'a POS plan: care outside the network is covered at a higher cost; a referral keeps specialist care at the in-network price',
  PPO: 'a PPO: care outside the network is covered at a higher cost; no referrals needed',
};

/** Runs a portal page once the member's own id is known. */
export function WithMemberId({ children }: { children: (memberId: string) => ReactNode }) {
  const id = useMyMemberId();
  if (id.isError) return <ErrorNotice error={id.error} />;
  if (id.isPending) return <p className="loading">Loading…</p>;
  if (!id.data)
    return (
      <Notice title="Your account is not linked to a member">
        Call the member services number on your card to link it.
      </Notice>
    );
  return <>{children(id.data)}</>;
}

function Meter({ label, met, of }: { label: string; met: number; of: number }) {
  return (
    <div className="meter">
      <div className="row">
        <span>{label}</span>
        <span className="spacer" />
        <span className="num">
          {formatMoney(met)} of {formatMoney(of)}
        </span>
      </div>
      <progress max={of || 1} value={Math.min(met, of)} aria-label={label} />
    </div>
  );
}

/** My plan in plain words: what kind of plan, what I have paid toward the deductible and maximum, what care costs. */
export function MyPlanPage() {
  return <WithMemberId>{(memberId) => <MyPlan memberId={memberId} />}</WithMemberId>;
}

function MyPlan({ memberId }: { memberId: string }) {
  const coverage = useMemberCoverage(memberId);
  const plan = usePlan(coverage.data?.planId);
  if (coverage.isError) return <ErrorNotice error={coverage.error} />;
  if (coverage.isPending) return <p className="loading">Loading your plan…</p>;
  const c = coverage.data;
  return (
    <div className="stack portal">
      <h1>My plan</h1>
      <FeedbackForm memberId={memberId} />
      <section className="panel" aria-labelledby="plan-title">
        <h2 id="plan-title">{c.planName}</h2>
        <p>Your plan is {planTypeWords[c.planType] ?? c.planType}.</p>
        <p>
          {c.behavioralHealthCaseManagement
            ? 'Your plan includes a behavioral-health case manager who can help you find and start treatment.'
            : 'Your plan does not include behavioral-health case management; the help lines on this site are open to you.'}
        </p>
        <Meter
          label="Paid toward your deductible this year"
          met={c.accumulators.in.deductibleMet}
          of={c.deductible}
        />
        <Meter
          label="Paid toward your out-of-pocket maximum"
          met={c.accumulators.in.outOfPocketMet}
          of={c.outOfPocketMax}
        />
        <p className="small muted">Plan year from {c.planYearStart}. Amounts in network.</p>
      </section>
      <section className="panel" aria-labelledby="care-costs-title">
        <h2 id="care-costs-title">Treatment for substance use: what you pay</h2>
        {plan.isError ? (
          <ErrorNotice error={plan.error} />
        ) : !plan.data ? (
          <p className="loading">Loading…</p>
        ) : (
          <table aria-label="What you pay in and out of network">
            <thead>
              <tr>
                <th>Care</th>
                <th>In network</th>
                <th>Out of network</th>
                <th>Approval first?</th>
              </tr>
            </thead>
            <tbody>
              {plan.data.facilityCoverage.map((row) => (
                <tr key={row.careType}>
                  <td>{row.care}</td>
                  <td>{row.inNetwork}</td>
                  <td>{row.outOfNetwork}</td>
                  <td>
                    {row.preauthorizationRequired ? 'Yes: the program asks your plan before you start' : 'No'}
                    {row.referralNeeded ? '; a referral from your doctor' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="small muted">
          Your plan must cover substance-use treatment no less well than other medical care (federal parity
          law).
        </p>
      </section>
    </div>
  );
}

/** Find covered care near me and what it would cost me. */
export function MyCarePage() {
  return <WithMemberId>{(memberId) => <MyCare memberId={memberId} />}</WithMemberId>;
}

function MyCare({ memberId }: { memberId: string }) {
  const [facilityId, setFacilityId] = useState<string>();
  return (
    <div className="stack portal">
      <h1>Find care</h1>
      <p className="muted">
        Programs and clinicians near you that your plan covers. Choose one to see what it would cost you.
      </p>
      <CareSearch
        memberId={memberId}
        selectedId={facilityId}
        onChoose={(hit) => setFacilityId(hit.id)}
        chooseLabel="What would I pay?"
        audience="member"
      />
      <CostEstimatePanel memberId={memberId} facilityId={facilityId} audience="member" />
    </div>
  );
}

/** My authorizations: what programs asked my plan to approve, and what it decided. */
export function MyAuthorizationsPage() {
  return <WithMemberId>{(memberId) => <MyAuthorizations memberId={memberId} />}</WithMemberId>;
}

function MyAuthorizations({ memberId }: { memberId: string }) {
  const preauths = useMemberPreauths(memberId);
  return (
    <div className="stack portal">
      <h1>My authorizations</h1>
      <p className="muted">
        Some care needs your plan's approval before it starts. The program asks for it; your plan decides
        within 72 hours when it is urgent and within 7 days otherwise.
      </p>
      <section className="panel" aria-labelledby="my-auth-title">
        <h2 id="my-auth-title">Requests</h2>
        {preauths.isError ? (
          <ErrorNotice error={preauths.error} />
        ) : (
          <PreauthList items={preauths.data?.items} audience="member" />
        )}
      </section>
    </div>
  );
}
