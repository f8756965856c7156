import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../api/http.ts';
import { ActionError } from '../ui/action-error.tsx';
import { ErrorNotice } from '../ui/notice.tsx';

/**
 * The member's own app account: a case manager gives a one-time code to read out (the member
 * also confirms their date of birth); a new code replaces the old one. The code shows once.
 */
export function MemberAccountSection({ memberId }: { memberId: string }) {
  const client = useQueryClient();
  const path = `/api/members/${encodeURIComponent(memberId)}`;
  const status = useQuery({
    queryKey: ['app-account', memberId],
    queryFn: () => apiFetch<{ hasAccount: boolean; codeExpiresAt: string | null }>(`${path}/app-account`),
  });
  const give = useMutation({
    mutationFn: () =>
      apiFetch<{ code: string; expiresAt: string }>(`${path}/activation-code`, { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['app-account', memberId] }),
  });
  return (
    <section aria-labelledby="member-app-title">
      <h3 id="member-app-title">Member app</h3>
      {status.isError && <ErrorNotice error={status.error} />}
      {status.data?.hasAccount && <p>The member has opened their account.</p>}
      {status.data && !status.data.hasAccount && (
        <>
          <p className="muted">
            {status.data.codeExpiresAt
              ? `A code was given; it works until ${status.data.codeExpiresAt.slice(0, 10)}. A new code replaces it.`
              : 'No account yet. Give the member a code to open it at the sign-in page, with their date of birth.'}
          </p>
          {give.data ? (
            <p role="status">
              Read this code to the member: <strong className="num">{give.data.code}</strong> (works once,
              until {give.data.expiresAt.slice(0, 10)}). It is not shown again.
            </p>
          ) : (
            <button type="button" disabled={give.isPending} onClick={() => give.mutate()}>
              Give an activation code
            </button>
          )}
        </>
      )}
      <ActionError error={give.error} />
    </section>
  );
}
