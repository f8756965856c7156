import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayIso } from '../../../src/platform/calendar/iso-days.ts';
import { shareCategories } from '../../../src/privacy/share-categories.ts';
import { apiFetch } from '../api/http.ts';
import { formatDate, formatDateTime } from '../i18n/i18n.ts';
import { ActionError } from '../ui/action-error.tsx';
import { ErrorNotice } from '../ui/notice.tsx';
import { memberPath, useAccessHistory } from './portal-api.ts';
import { AddSupporterForm, InviteSupporter } from './support-network-forms.tsx';

interface Person {
  relatedPersonId: string;
  name: string;
  relationship: string;
  hasAccount: boolean;
  consents: { consentId: string; shares: string[] | null; endDate: string | null; inForce: boolean }[];
}

const today = todayIso;
const inAYear = () => addDays(todayIso(), 365);

function usePeople(memberId: string) {
  return useQuery({
    queryKey: ['support-network', memberId],
    queryFn: async () =>
      (await apiFetch<{ people: Person[] }>(`${memberPath(memberId)}/support-network`)).people,
  });
}

/**
 * A consent with every element 42 CFR Part 2 asks for: who discloses (the plan), to whom (the
 * person), what (the categories checked), why (to support recovery), until when, the right to
 * revoke, that care does not depend on it, the bar on re-disclosure, and the member's signature.
 */
function GrantForm({ memberId, person }: { memberId: string; person: Person }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [shares, setShares] = useState<string[]>([]);
  const [endDate, setEndDate] = useState(inAYear());
  const [signed, setSigned] = useState(false);
  const give = useMutation({
    mutationFn: () =>
      apiFetch(`${memberPath(memberId)}/consents`, {
        method: 'POST',
        body: {
          recipient: `related-person:${person.relatedPersonId}`,
          purpose: 'family',
          coversPart2: true,
          startDate: today(),
          endDate,
          shares,
        },
      }),
    onSuccess: () => {
      setShares([]);
      setSigned(false);
      return client.invalidateQueries({ queryKey: ['support-network', memberId] });
    },
  });
  const id = `grant-${person.relatedPersonId}`;
  return (
    <form
      className="stack"
      aria-labelledby={`${id}-title`}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        give.mutate();
      }}
    >
      <h3 id={`${id}-title`}>{t('privacy.grantTitle', { name: person.name })}</h3>
      <fieldset>
        <legend>{t('privacy.grantWhat', { name: person.name })}</legend>
        {shareCategories.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={shares.includes(c)}
              onChange={(e) => setShares(e.target.checked ? [...shares, c] : shares.filter((x) => x !== c))}
            />{' '}
            {t(`categories.${c}`)}
          </label>
        ))}
      </fieldset>
      <div className="row wrap">
        <label htmlFor={`${id}-end`}>{t('privacy.grantUntil')}</label>
        <input
          id={`${id}-end`}
          type="date"
          value={endDate}
          min={today()}
          onChange={(e) => setEndDate(e.target.value)}
          required
        />
      </div>
      <p className="small">{t('privacy.grantStatement', { name: person.name })}</p>
      <label className="check">
        <input type="checkbox" checked={signed} onChange={(e) => setSigned(e.target.checked)} required />{' '}
        {t('privacy.grantSign')}
      </label>
      <div>
        <button type="submit" className="primary" disabled={give.isPending || shares.length === 0 || !signed}>
          {t('privacy.grantSubmit')}
        </button>
      </div>
      <ActionError error={give.error} />
    </form>
  );
}

function PersonPanel({ memberId, person }: { memberId: string; person: Person }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const revoke = useMutation({
    mutationFn: (consentId: string) =>
      apiFetch(`/api/consents/${encodeURIComponent(consentId)}/revoke`, { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['support-network', memberId] }),
  });
  const inForce = person.consents.filter((c) => c.inForce);
  const list = (shares: string[] | null) => (shares ?? []).map((s) => t(`categories.${s}`)).join(', ');
  return (
    <article className="panel stack" aria-labelledby={`person-${person.relatedPersonId}`}>
      <h3 id={`person-${person.relatedPersonId}`}>{person.name}</h3>
      <InviteSupporter person={person} memberId={memberId} />
      {inForce.length === 0 && <p>{t('privacy.notSharing')}</p>}
      {inForce.map((c) => (
        <div key={c.consentId} className="row wrap">
          <p>
            {c.endDate
              ? t('privacy.sharing', { list: list(c.shares), date: formatDate(c.endDate) })
              : t('privacy.sharingNoEnd', { list: list(c.shares) })}
          </p>
          <button type="button" disabled={revoke.isPending} onClick={() => revoke.mutate(c.consentId)}>
            {t('privacy.revoke', { name: person.name })}
          </button>
        </div>
      ))}
      {revoke.isSuccess && <p role="status">{t('privacy.revoked')}</p>}
      <ActionError error={revoke.error} />
      <GrantForm memberId={memberId} person={person} />
    </article>
  );
}

function AccessHistory({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const history = useAccessHistory(memberId);
  return (
    <section className="panel" aria-labelledby="who-looked-title">
      <h2 id="who-looked-title">{t('privacy.whoLooked')}</h2>
      <p className="muted small">{t('privacy.whoLookedIntro')}</p>
      {history.isError && <ErrorNotice error={history.error} />}
      {history.data && history.data.length === 0 && <p>{t('privacy.noOne')}</p>}
      {history.data && history.data.length > 0 && (
        <table>
          <caption className="sr-only">{t('privacy.whoLooked')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy.when')}</th>
              <th scope="col">{t('privacy.who')}</th>
              <th scope="col">{t('privacy.what')}</th>
            </tr>
          </thead>
          <tbody>
            {history.data.map((e) => (
              <tr key={e.seq}>
                <th scope="row">{formatDateTime(e.at)}</th>
                <td>
                  {e.self ? t('privacy.you') : t(`privacy.roles.${e.role}`, { defaultValue: e.role ?? '' })}
                  {e.username && !e.self ? ` (${e.username})` : ''}
                </td>
                <td>
                  {t(`privacy.actions.${e.action}`, { defaultValue: e.action })}{' '}
                  {t(`privacy.resources.${e.resourceType}`, { defaultValue: t('privacy.record') })}
                  {e.outcome !== 'success' ? ` ${t('privacy.denied')}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** My privacy: who may see what of my record, grant and revoke; who looked at my record. */
export function PrivacyPage({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const people = usePeople(memberId);
  return (
    <div className="stack portal">
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>
      <section className="stack" aria-labelledby="people-title">
        <h2 id="people-title">{t('privacy.people')}</h2>
        {people.isError && <ErrorNotice error={people.error} />}
        {people.data && people.data.length === 0 && <p>{t('privacy.noPeople')}</p>}
        {people.data?.map((p) => (
          <PersonPanel key={p.relatedPersonId} memberId={memberId} person={p} />
        ))}
        <AddSupporterForm memberId={memberId} />
      </section>
      <AccessHistory memberId={memberId} />
    </div>
  );
}
