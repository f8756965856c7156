import { useMutation, useQueryClient } from '@tanstack/react-query';
import { referralKindLabels } from '../../../src/outreach/script/script-types.ts';
import { apiFetch } from '../api/http.ts';
import type { CaseWork, ReferralStatus } from '../api/types.ts';
import { formatDateTime } from '../ui/dates.ts';
import { ErrorNotice } from '../ui/notice.tsx';
import { outcomeLabels } from './attempt-form.tsx';

const nextStatuses: Record<ReferralStatus, ReferralStatus[]> = {
  proposed: ['accepted', 'scheduled', 'declined'],
  accepted: ['scheduled', 'attended', 'declined'],
  scheduled: ['attended', 'declined', 'accepted'],
  attended: [],
  declined: [],
};

function useInvalidateCase() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      ['case-work', 'case', 'worklist', 'worklist-work'].map((key) =>
        client.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

/** Referrals on the case, each with its status and the moves it can make. */
export function ReferralList({ work }: { work: CaseWork }) {
  const invalidate = useInvalidateCase();
  const update = useMutation({
    mutationFn: (input: { referralId: string; status: ReferralStatus }) =>
      apiFetch(`/api/referrals/${encodeURIComponent(input.referralId)}`, {
        method: 'PATCH',
        body: { status: input.status },
      }),
    onSuccess: invalidate,
  });
  return (
    <section className="panel" aria-labelledby="referrals-title">
      <h2 id="referrals-title">Referrals</h2>
      {work.referrals.length === 0 ? (
        <p className="muted">None yet. Referrals are made while logging a call with the member.</p>
      ) : (
        <table>
          <tbody>
            {work.referrals.map((r) => (
              <tr key={r.referralId}>
                <td>{referralKindLabels[r.kind]}</td>
                <td className="status-pill">{r.status}</td>
                <td>
                  {work.status === 'open' && nextStatuses[r.status].length > 0 && (
                    <label className="sr-label">
                      <span className="sr-only">Change status of {referralKindLabels[r.kind]}</span>
                      <select
                        value=""
                        onChange={(e) =>
                          update.mutate({
                            referralId: r.referralId,
                            status: e.target.value as ReferralStatus,
                          })
                        }
                      >
                        <option value="">Mark as…</option>
                        {nextStatuses[r.status].map((s) => (
                          <option key={s} value={s}>
                            {s}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {update.isError && <ErrorNotice error={update.error} />}
    </section>
  );
}

/** Attempts so far and the case's history: every change and who made it. */
export function CaseHistory({ work }: { work: CaseWork }) {
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Attempts and history</h2>
      {work.attempts.length > 0 && (
        <ol className="history">
          {work.attempts.map((a) => (
            <li key={a.attemptId}>
              <strong>{outcomeLabels[a.outcome]}</strong> · {a.channel} · {formatDateTime(a.attemptedAt)} ·{' '}
              {a.recordedBy}
              {a.notes && <div className="muted small">{a.notes}</div>}
              {a.nextStep && <div className="small">Next: {a.nextStep}</div>}
            </li>
          ))}
        </ol>
      )}
      <h3>Changes</h3>
      {work.history.length === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        <ol className="history">
          {[...work.history].reverse().map((h) => (
            <li key={`${h.at}-${h.kind}-${h.from}-${h.to}`} className="small">
              {formatDateTime(h.at)} · {h.actor ?? 'system'} · {h.kind}
              {h.from ? ` from ${h.from}` : ''}
              {h.to ? ` to ${h.to}` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
