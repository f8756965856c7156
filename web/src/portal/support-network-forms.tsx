import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { relationships } from '../../../src/privacy/privacy-fhir.ts';
import { apiFetch } from '../api/http.ts';
import { formatDate } from '../i18n/i18n.ts';
import { ActionError } from '../ui/action-error.tsx';
import { memberPath } from './portal-api.ts';

const relationshipKeys = Object.keys(relationships) as (keyof typeof relationships)[];

/** The member names someone who supports them; naming shares nothing by itself. */
export function AddSupporterForm({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState<string>('parent');
  const add = useMutation({
    mutationFn: () =>
      apiFetch<{ name: string }>(`${memberPath(memberId)}/support-network`, {
        method: 'POST',
        body: { name: name.trim(), relationship },
      }),
    onSuccess: () => {
      setName('');
      return client.invalidateQueries({ queryKey: ['support-network', memberId] });
    },
  });
  return (
    <form
      className="panel stack"
      aria-labelledby="add-supporter-title"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <h3 id="add-supporter-title">{t('invite.addTitle')}</h3>
      <div className="row wrap">
        <label>
          {t('invite.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
        </label>
        <label>
          {t('invite.relationship')}
          <select value={relationship} onChange={(e) => setRelationship(e.target.value)}>
            {relationshipKeys.map((r) => (
              <option key={r} value={r}>
                {t(`invite.relationships.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div>
        <button type="submit" disabled={add.isPending || name.trim() === ''}>
          {t('invite.add')}
        </button>
      </div>
      {add.data && <p role="status">{t('invite.added', { name: add.data.name })}</p>}
      <ActionError error={add.error} />
    </form>
  );
}

/** The invitation link for a code: the code rides in the fragment, which browsers never send to a server. */
export function invitationLink(code: string): string {
  return `${window.location.origin}${window.location.pathname}#/activate/${encodeURIComponent(code)}`;
}

/** Invites a supporter to their own account: a one-time link and code the member passes on. */
export function InviteSupporter({
  person,
  memberId,
}: {
  person: { relatedPersonId: string; name: string; hasAccount: boolean };
  memberId: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const invite = useMutation({
    mutationFn: () =>
      apiFetch<{ code: string; expiresAt: string }>(
        `/api/related-persons/${encodeURIComponent(person.relatedPersonId)}/invitation`,
        { method: 'POST', body: {} },
      ),
  });
  if (person.hasAccount)
    return <p className="small muted">{t('invite.hasAccount', { name: person.name })}</p>;
  return (
    <div className="stack">
      <p className="small muted">
        {t('invite.noAccount', { name: person.name })} {t('invite.note', { name: person.name })}
      </p>
      {invite.data ? (
        <div role="status" className="stack">
          <p>{t('invite.sent', { name: person.name, date: formatDate(invite.data.expiresAt) })}</p>
          <label>
            {t('invite.link')}
            <input readOnly value={invitationLink(invite.data.code)} onFocus={(e) => e.target.select()} />
          </label>
          <p>
            {t('invite.codeLabel')}: <strong className="num">{invite.data.code}</strong>
          </p>
        </div>
      ) : (
        <div>
          <button
            type="button"
            disabled={invite.isPending}
            onClick={() =>
              invite.mutate(undefined, {
                onSuccess: () => client.invalidateQueries({ queryKey: ['support-network', memberId] }),
              })
            }
          >
            {t('invite.send', { name: person.name })}
          </button>
        </div>
      )}
      <ActionError error={invite.error} />
    </div>
  );
}
