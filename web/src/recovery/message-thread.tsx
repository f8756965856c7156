import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiFetch } from '../api/http.ts';
import { formatDateTime } from '../i18n/i18n.ts';
import { useSay } from '../i18n/use-say.ts';
import { ActionError } from '../ui/action-error.tsx';
import { ErrorNotice } from '../ui/notice.tsx';

interface Message {
  messageId: string;
  direction: 'to_member' | 'from_member';
  body: string;
  sender: string;
  sentAt: string;
  readAt: string | null;
}

interface Thread {
  messages: Message[];
  unreadByMember: number;
  unreadByCareTeam: number;
}

/**
 * The member's messages with their care team: on the member's Home in their language, and in the
 * case manager's recovery panel. What is addressed to the reader is marked read once shown.
 */
export function MessageThread({
  memberId,
  forMember,
  writes = forMember,
}: {
  memberId: string;
  forMember: boolean;
  /** The member and their case manager write and mark read; a supervisor only reads. */
  writes?: boolean;
}) {
  const say = useSay(forMember);
  const client = useQueryClient();
  const path = `/api/members/${encodeURIComponent(memberId)}/messages`;
  const key = ['messages', memberId];
  const thread = useQuery({ queryKey: key, queryFn: () => apiFetch<Thread>(path) });
  const [draft, setDraft] = useState('');
  const send = useMutation({
    mutationFn: () => apiFetch<Message>(path, { method: 'POST', body: { body: draft } }),
    onSuccess: () => {
      setDraft('');
      return client.invalidateQueries({ queryKey: key });
    },
  });
  const unread = forMember ? thread.data?.unreadByMember : thread.data?.unreadByCareTeam;
  useEffect(() => {
    if (writes && unread) void apiFetch(`${path}/read`, { method: 'POST', body: {} });
  }, [writes, unread, path]);
  const mine = forMember ? 'from_member' : 'to_member';
  const language = forMember ? undefined : 'en';
  const id = `messages-${forMember ? 'member' : 'staff'}`;
  return (
    <section className={forMember ? 'panel' : undefined} aria-labelledby={`${id}-title`}>
      {forMember ? (
        <h2 id={`${id}-title`}>{say('messages.title', '')}</h2>
      ) : (
        <h3 id={`${id}-title`}>Messages with the member</h3>
      )}
      {thread.isError && <ErrorNotice error={thread.error} />}
      {thread.data && thread.data.messages.length === 0 && (
        <p className="muted">{say('messages.none', 'No messages yet.')}</p>
      )}
      {thread.data && thread.data.messages.length > 0 && (
        <ol className="messages">
          {thread.data.messages.map((m) => (
            <li key={m.messageId} className={m.direction === mine ? 'message mine' : 'message'}>
              <p className="muted">
                {m.direction === mine
                  ? say('messages.fromMe', 'You')
                  : m.direction === 'to_member'
                    ? say('messages.fromTeam', '', { name: m.sender })
                    : 'The member'}
                {' · '}
                {formatDateTime(m.sentAt, language)}
                {m.direction !== mine && m.readAt === null && (
                  <strong> · {say('messages.new', 'new')}</strong>
                )}
              </p>
              <p>{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {writes && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <label htmlFor={`${id}-draft`}>{say('messages.write', 'Write to the member')}</label>
          <textarea
            id={`${id}-draft`}
            rows={3}
            maxLength={2000}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div>
            <button type="submit" className="primary" disabled={send.isPending || draft.trim() === ''}>
              {send.isPending ? say('messages.sending', 'Sending…') : say('messages.send', 'Send')}
            </button>
          </div>
          <ActionError error={send.error} />
        </form>
      )}
      {forMember && <p className="muted">{say('messages.note', '')}</p>}
    </section>
  );
}
