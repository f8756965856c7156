import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CareSearch } from '../coverage/care-search.tsx';
import { CostEstimatePanel } from '../coverage/cost-estimate-panel.tsx';
import { useMemberCoverage, useMemberPreauths, useMyMemberId, usePlan } from '../coverage/coverage-api.ts';
import { PreauthList } from '../coverage/preauth-list.tsx';
import { FeedbackForm } from '../family/feedback-form.tsx';
import { formatDate } from '../i18n/i18n.ts';
import { formatMoneyIn } from '../i18n/use-say.ts';
import { ErrorNotice, Notice } from '../ui/notice.tsx';
import { MoudNearMe } from './moud-near-me.tsx';

/** Runs a portal page once the member's own id is known. */
export function WithMemberId({ children }: { children: (memberId: string) => ReactNode }) {
  const { t } = useTranslation();
  const id = useMyMemberId();
  if (id.isError) return <ErrorNotice error={id.error} />;
  if (id.isPending) return <p className="loading">{t('home.loading')}</p>;
  if (!id.data)
    return (
      <Notice title="Your account is not linked to a member">
        Call the member services number on your card to link it.
      </Notice>
    );
  return <>{children(id.data)}</>;
}

function Meter({ label, met, of }: { label: string; met: number; of: number }) {
  const { t, i18n } = useTranslation();
  const money = (value: number) => formatMoneyIn(i18n.language, value);
  return (
    <div className="meter">
      <div className="row">
        <span>{label}</span>
        <span className="spacer" />
        <span className="num">{t('myPlan.of', { met: money(met), total: money(of) })}</span>
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
  const { t } = useTranslation();
  const coverage = useMemberCoverage(memberId);
  const plan = usePlan(coverage.data?.planId);
  if (coverage.isError) return <ErrorNotice error={coverage.error} />;
  if (coverage.isPending) return <p className="loading">{t('myPlan.loading')}</p>;
  const c = coverage.data;
  return (
    <div className="stack portal">
      <h1>{t('myPlan.title')}</h1>
      <FeedbackForm memberId={memberId} />
      <section className="panel" aria-labelledby="plan-title">
        <h2 id="plan-title">{c.planName}</h2>
        <p>{t('myPlan.planIs', { kind: t(`myPlan.kinds.${c.planType}`, { defaultValue: c.planType }) })}</p>
        <p>{c.behavioralHealthCaseManagement ? t('myPlan.caseManagement') : t('myPlan.noCaseManagement')}</p>
        <Meter label={t('myPlan.deductible')} met={c.accumulators.in.deductibleMet} of={c.deductible} />
        <Meter label={t('myPlan.outOfPocket')} met={c.accumulators.in.outOfPocketMet} of={c.outOfPocketMax} />
        <p className="small muted">{t('myPlan.planYear', { date: formatDate(c.planYearStart) })}</p>
      </section>
      <section className="panel" aria-labelledby="care-costs-title">
        <h2 id="care-costs-title">{t('myPlan.costsTitle')}</h2>
        {plan.isError ? (
          <ErrorNotice error={plan.error} />
        ) : !plan.data ? (
          <p className="loading">{t('home.loading')}</p>
        ) : (
          <table aria-label={t('myPlan.costsTable')}>
            <thead>
              <tr>
                <th>{t('myPlan.care')}</th>
                <th>{t('myPlan.inNetwork')}</th>
                <th>{t('myPlan.outOfNetwork')}</th>
                <th>{t('myPlan.approvalFirst')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.data.facilityCoverage.map((row) => (
                <tr key={row.careType}>
                  <td>{row.care}</td>
                  <td>{row.inNetwork}</td>
                  <td>{row.outOfNetwork}</td>
                  <td>
                    {row.preauthorizationRequired ? t('myPlan.approvalYes') : t('myPlan.approvalNo')}
                    {row.referralNeeded ? t('myPlan.referral') : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="small muted">{t('myPlan.parity')}</p>
      </section>
    </div>
  );
}

/** Find covered care near me and what it would cost me. */
export function MyCarePage() {
  return <WithMemberId>{(memberId) => <MyCare memberId={memberId} />}</WithMemberId>;
}

function MyCare({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const [facilityId, setFacilityId] = useState<string>();
  return (
    <div className="stack portal">
      <h1>{t('care.title')}</h1>
      <p className="muted">{t('care.intro')}</p>
      <MoudNearMe memberId={memberId} />
      <CareSearch
        memberId={memberId}
        selectedId={facilityId}
        onChoose={(hit) => setFacilityId(hit.id)}
        chooseLabel={t('care.choose')}
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
  const { t } = useTranslation();
  const preauths = useMemberPreauths(memberId);
  return (
    <div className="stack portal">
      <h1>{t('auths.title')}</h1>
      <p className="muted">{t('auths.intro')}</p>
      <section className="panel" aria-labelledby="my-auth-title">
        <h2 id="my-auth-title">{t('auths.requests')}</h2>
        {preauths.isError ? (
          <ErrorNotice error={preauths.error} />
        ) : (
          <PreauthList items={preauths.data?.items} audience="member" />
        )}
      </section>
    </div>
  );
}
