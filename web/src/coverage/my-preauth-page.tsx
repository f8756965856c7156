import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../i18n/i18n.ts';
import { ErrorNotice } from '../ui/notice.tsx';
import { type AuthorizationView, usePreauth } from './coverage-api.ts';
import { DecisionClock } from './decision-clock.tsx';
import { StatusPill } from './preauth-list.tsx';

/**
 * One request as the member reads it, in their language: what care was asked for, where, when
 * the plan must decide, and what it decided and why. The clinical detail and the criteria stay
 * on the staff page; the member's right of access to them is a records request.
 */
export function MyPreauthPage({ authorizationId }: { authorizationId: string }) {
  const { t } = useTranslation();
  const query = usePreauth(authorizationId);
  if (query.isError) return <ErrorNotice error={query.error} />;
  if (query.isPending) return <p className="loading">{t('auths.loading')}</p>;
  const a = query.data;
  return (
    <div className="stack portal">
      <h1>{a.levelOfCareName}</h1>
      <p>
        <StatusPill status={a.status} forMember /> <DecisionClock clock={a.clock} forMember />
      </p>
      <section className="panel" aria-labelledby="my-request-title">
        <h2 id="my-request-title">{t('auths.request')}</h2>
        <dl className="facts">
          <dt>{t('auths.facility')}</dt>
          <dd>{a.facility.name}</dd>
          <dt>{t('auths.received')}</dt>
          <dd>{formatDateTime(a.receivedAt)}</dd>
          <dt>{t('auths.speed')}</dt>
          <dd>{t(a.priority === 'expedited' ? 'auths.expedited' : 'auths.standard')}</dd>
          <dt>{t('auths.dates')}</dt>
          <dd>
            {a.services.map((s) => (
              <div key={`${s.code}-${s.startDate}`}>
                {t('auths.serviceDates', { from: formatDate(s.startDate), to: formatDate(s.endDate) })}
              </div>
            ))}
          </dd>
        </dl>
      </section>
      {a.decision && <MyDecision a={a} />}
      <p>
        <a href="#/my-authorizations">{t('auths.back')}</a>
      </p>
    </div>
  );
}

function MyDecision({ a }: { a: AuthorizationView }) {
  const { t } = useTranslation();
  const d = a.decision;
  if (!d) return null;
  const disagreed = d.outcome === 'denied' || d.outcome === 'partially_approved';
  return (
    <section className="panel" aria-labelledby="my-decision-title">
      <h2 id="my-decision-title">{t('auths.decision')}</h2>
      <p>
        {t('auths.decidedOn', { date: formatDateTime(d.decidedAt) })}{' '}
        <StatusPill status={d.outcome} forMember />
      </p>
      {d.reasonCode && (
        <p>{t(`auths.reasons.${d.reasonCode}`, { defaultValue: d.reason ?? d.reasonCode })}</p>
      )}
      {disagreed && <p>{t('auths.disagree')}</p>}
    </section>
  );
}
