import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { relationships } from '../../../src/privacy/privacy-fhir.ts';
import { shareCategories, shareCategoryLabels } from '../../../src/privacy/share-categories.ts';
import { apiFetch } from '../api/http.ts';
import { ActionError } from '../ui/action-error.tsx';
import { ErrorNotice } from '../ui/notice.tsx';
import { post, todayIso, useRecoveryWrite, words } from './recovery-api.ts';

interface Person {
  relatedPersonId: string;
  name: string;
  relationship: string;
  hasAccount: boolean;
  consents: {
    consentId: string;
    shares: string[] | null;
    startDate: string;
    endDate: string | null;
    revokedAt: string | null;
    inForce: boolean;
  }[];
}

const inAYear = () => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

/** Records the member's signed consent to share chosen categories with this supporter, until a date. */
function ConsentForm({ person, memberId }: { person: Person; memberId: string }) {
  const [shares, setShares] = useState<string[]>([]);
  const [endDate, setEndDate] = useState(inAYear());
  const give = useRecoveryWrite(memberId, () =>
    post(`/api/members/${encodeURIComponent(memberId)}/consents`, {
      recipient: `related-person:${person.relatedPersonId}`,
      purpose: 'family',
      coversPart2: true,
      startDate: todayIso(),
      endDate,
      shares,
    }),
  );
  const id = `consent-${person.relatedPersonId}`;
  return (
    <form
      aria-label={`Consent to share with ${person.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        give.mutate(undefined, { onSuccess: () => setShares([]) });
      }}
    >
      <fieldset>
        <legend>What the member agreed to share with {person.name}</legend>
        {shareCategories.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={shares.includes(c)}
              onChange={(e) => setShares(e.target.checked ? [...shares, c] : shares.filter((x) => x !== c))}
            />{' '}
            {shareCategoryLabels[c]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-end`}>Until</label>
        <input
          id={`${id}-end`}
          type="date"
          min={todayIso()}
          value={endDate}
          onChange={(e) => setEndDate(e.target.value)}
          required
        />
      </div>
      <p className="muted small">
        The member signed this consent and may revoke it at any time. Records shared under it are protected by
        42 CFR Part 2.
      </p>
      <button type="submit" disabled={give.isPending || shares.length === 0}>
        Record the consent
      </button>
      {give.isError && <ActionError error={give.error} />}
    </form>
  );
}

function Revoke({ consentId, memberId }: { consentId: string; memberId: string }) {
  const revoke = useRecoveryWrite(memberId, () =>
    post(`/api/consents/${encodeURIComponent(consentId)}/revoke`, {}),
  );
  return (
    <>
      <button type="button" disabled={revoke.isPending} onClick={() => revoke.mutate(undefined)}>
        Revoke
      </button>
      {revoke.isError && <ActionError error={revoke.error} />}
    </>
  );
}

function AddPerson({ memberId }: { memberId: string }) {
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState<string>('parent');
  const add = useRecoveryWrite(memberId, () =>
    post(`/api/members/${encodeURIComponent(memberId)}/support-network`, { name, relationship }),
  );
  return (
    <form
      className="row wrap"
      aria-label="Name a supporter"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(undefined, { onSuccess: () => setName('') });
      }}
    >
      <div className="field">
        <label htmlFor="supporter-name">Name</label>
        <input
          id="supporter-name"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="supporter-relationship">Relationship</label>
        <select
          id="supporter-relationship"
          value={relationship}
          onChange={(e) => setRelationship(e.target.value)}
        >
          {Object.keys(relationships).map((r) => (
            <option key={r} value={r}>
              {words(r)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={add.isPending || name.trim() === ''}>
        Add to the support network
      </button>
      {add.isError && <ActionError error={add.error} />}
    </form>
  );
}

/** Family and other supporters, and what each may see: nothing until the member's consent says what, and until when. */
export function SupportNetworkSection({ memberId }: { memberId: string }) {
  const network = useQuery({
    queryKey: ['support-network', memberId],
    queryFn: () =>
      apiFetch<{ people: Person[] }>(`/api/members/${encodeURIComponent(memberId)}/support-network`),
  });
  return (
    <>
      <h3>Support network</h3>
      {network.isError && <ErrorNotice error={network.error} />}
      {network.data?.people.length === 0 && <p className="muted">No supporters named yet.</p>}
      <ul className="stack">
        {network.data?.people.map((p) => {
          const inForce = p.consents.filter((c) => c.inForce);
          return (
            <li key={p.relatedPersonId}>
              <strong>{p.name}</strong> ({words(p.relationship)}){p.hasAccount ? ' · has an account' : ''}
              {inForce.length === 0 ? (
                <p className="muted">Nothing is shared with {p.name}.</p>
              ) : (
                <ul>
                  {inForce.map((c) => (
                    <li key={c.consentId}>
                      Shares{' '}
                      {(c.shares ?? [])
                        .map((s) => shareCategoryLabels[s as keyof typeof shareCategoryLabels]?.split(':')[0])
                        .join(', ')}{' '}
                      until {c.endDate} <Revoke consentId={c.consentId} memberId={memberId} />
                    </li>
                  ))}
                </ul>
              )}
              <details>
                <summary>Record a consent for {p.name}</summary>
                <ConsentForm person={p} memberId={memberId} />
              </details>
            </li>
          );
        })}
      </ul>
      <details>
        <summary>Name a supporter</summary>
        <AddPerson memberId={memberId} />
      </details>
    </>
  );
}
