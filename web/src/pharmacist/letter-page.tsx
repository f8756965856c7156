import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/http.ts';
import type { Me } from '../api/session.ts';
import { hrefFor } from '../router.ts';
import { ActionError } from '../ui/action-error.tsx';
import { CodeBadge } from '../ui/code-badge.tsx';
import { formatDateTime } from '../ui/dates.ts';
import { ErrorNotice } from '../ui/notice.tsx';
import { ConfirmButton } from './confirm-button.tsx';
import { type LetterSummary, useLetter } from './pharmacist-api.ts';
import { actorName, describeLetterEvent, letterStatusLabels } from './pharmacist-words.ts';

/** One letter: who it is to, the members and facts it gives, the PDF, sending and delivery events. */
export function LetterPage({ letterId, me }: { letterId: string; me: Me }) {
  const detail = useLetter(letterId);
  if (detail.isPending) return <p className="loading page-pad">Loading the letter…</p>;
  if (detail.isError) return <ErrorNotice error={detail.error} />;
  const { letter, members, events, suppressedInRun } = detail.data;
  const pdf = `/api/letters/${encodeURIComponent(letter.letterId)}/pdf`;
  return (
    <div className="stack">
      <p>
        <a href="#/letters">← Letters</a>
      </p>
      <h1>Letter to {letter.prescriberName ?? `prescriber ${letter.prescriberNpi}`}</h1>
      <dl className="facts">
        <dt>NPI</dt>
        <dd>{letter.prescriberNpi}</dd>
        <dt>As of</dt>
        <dd>{letter.asOf}</dd>
        <dt>Status</dt>
        <dd>
          <span className="badge quiet">{letterStatusLabels[letter.status]}</span>
        </dd>
        <dt>Generated</dt>
        <dd>{formatDateTime(letter.createdAt)}</dd>
        {letter.sentAt && (
          <>
            <dt>Sent</dt>
            <dd>
              {formatDateTime(letter.sentAt)} by {actorName(letter.sentBy, me)}
            </dd>
          </>
        )}
      </dl>
      <p>
        <a className="button" href={pdf} target="_blank" rel="noreferrer">
          Open the letter (PDF)
        </a>{' '}
        <a href={pdf} download="prescriber-letter.pdf">
          Download
        </a>
      </p>
      <div className="two-col">
        <section className="panel" aria-labelledby="members-title">
          <h2 id="members-title">Members in this letter</h2>
          <table>
            <thead>
              <tr>
                <th>Member</th>
                <th>Facts the letter gives</th>
                <th className="num">Part 2 facts left out</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.memberId}>
                  <td>
                    <a href={hrefFor({ kind: 'member', memberId: m.memberId })}>{m.memberId}</a>
                  </td>
                  <td>
                    <span className="badges">
                      {m.disclosedFactorCodes.map((c) => (
                        <CodeBadge
                          key={c}
                          kind="riskFactors"
                          code={c}
                          quiet={!m.newFactorCodes.includes(c)}
                        />
                      ))}
                    </span>
                  </td>
                  <td className="num">{m.withheldPart2}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {suppressedInRun.length > 0 && (
            <p className="muted small">
              {suppressedInRun.length} member(s) left out of this letter: this prescriber was already told
              about them within 180 days.
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="delivery-title">
          <h2 id="delivery-title">Delivery</h2>
          {me.role === 'clinical_pharmacist' && <SendLetter letter={letter} />}
          <ol className="history" aria-label="Letter events">
            {events.map((e) => (
              <li key={`${e.kind}-${e.at}-${e.deliveryId ?? ''}`}>
                <strong>{describeLetterEvent(e.kind)}</strong> · {formatDateTime(e.at)}
                {e.actor ? ` · ${actorName(e.actor, me)}` : ''}
                {e.detail ? <span className="muted"> · {e.detail}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}

function SendLetter({ letter }: { letter: LetterSummary }) {
  const client = useQueryClient();
  const [recipient, setRecipient] = useState('');
  const [hours, setHours] = useState(72);
  const send = useMutation({
    mutationFn: () =>
      apiFetch<{ deliveryId: string; link: string; expiresAt: string }>(
        `/api/letters/${encodeURIComponent(letter.letterId)}/send`,
        { method: 'POST', body: { recipient, expiresInHours: hours } },
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['letter', letter.letterId] });
      void client.invalidateQueries({ queryKey: ['letters'] });
    },
  });
  if (send.data)
    return (
      <div role="status" className="saved">
        <p>
          Sent. The secure link works for one download until {formatDateTime(send.data.expiresAt)}. It is
          shown only now: give it to the prescriber's office through the secure channel.
        </p>
        <code className="secure-link">{window.location.origin + send.data.link}</code>
      </div>
    );
  // Once sent the letter leaves 'generated': the link above stays only while this page is open.
  if (letter.status !== 'generated') return null;
  return (
    <div className="form-grid">
      <label>
        Recipient (prescriber's secure address)
        <input
          name="recipient"
          value={recipient}
          onChange={(e) => setRecipient(e.target.value)}
          placeholder="office@practice.example"
        />
      </label>
      <label>
        Link expires after (hours)
        <input
          type="number"
          min={1}
          max={336}
          value={hours}
          onChange={(e) => setHours(Number(e.target.value))}
        />
      </label>
      <div className="wide">
        <ConfirmButton
          label="Send letter"
          warning="Sending discloses these members' facts to the prescriber. It cannot be undone."
          disabled={recipient.trim().length < 3}
          busy={send.isPending}
          onConfirm={() => send.mutate()}
        />
      </div>
      {send.isError && <ActionError error={send.error} />}
    </div>
  );
}
