import { useState } from 'react';
import { ErrorNotice } from '../ui/notice.tsx';
import { CareSearch } from './care-search.tsx';
import { CostEstimatePanel } from './cost-estimate-panel.tsx';
import { useMemberCoverage, useMemberPreauths } from './coverage-api.ts';
import { formatMoney } from './coverage-words.ts';
import { EligibilityPanel } from './eligibility-panel.tsx';
import { PreauthList } from './preauth-list.tsx';

/** Case manager: find in-network care near a member, check eligibility, and show what it will cost them. */
export function FindCarePage({ memberId }: { memberId: string }) {
  const [facilityId, setFacilityId] = useState<string>();
  const coverage = useMemberCoverage(memberId);
  const preauths = useMemberPreauths(memberId);
  if (coverage.isError) return <ErrorNotice error={coverage.error} />;
  const c = coverage.data;
  return (
    <div className="stack">
      <div className="row">
        <h1>Find care</h1>
        <span className="spacer" />
        <a href={`#/members/${encodeURIComponent(memberId)}`}>Back to the member</a>
      </div>
      {c ? (
        <p className="plan-line">
          <strong>{c.planName}</strong> ({c.planType}) · deductible{' '}
          {formatMoney(c.accumulators.in.deductibleMet)} of {formatMoney(c.deductible)} met · out of pocket{' '}
          {formatMoney(c.accumulators.in.outOfPocketMet)} of {formatMoney(c.outOfPocketMax)} · plan year from{' '}
          {c.planYearStart}
          {!c.behavioralHealthCaseManagement && (
            <span className="badge urgent">No behavioral-health case management in this plan</span>
          )}
        </p>
      ) : (
        <p className="loading">Loading the plan…</p>
      )}
      <CareSearch
        memberId={memberId}
        selectedId={facilityId}
        onChoose={(hit) => setFacilityId(hit.id)}
        chooseLabel="Estimate cost"
      />
      <div className="two-col">
        <CostEstimatePanel memberId={memberId} facilityId={facilityId} audience="staff" />
        <EligibilityPanel memberId={memberId} />
      </div>
      <section className="panel" aria-labelledby="member-preauth-title">
        <h2 id="member-preauth-title">Preauthorizations</h2>
        {preauths.isError ? (
          <ErrorNotice error={preauths.error} />
        ) : (
          <PreauthList items={preauths.data?.items} audience="staff" />
        )}
      </section>
    </div>
  );
}
