import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type Ref, useState } from 'react';
import { apiFetch } from '../api/http.ts';
import { hrefFor } from '../router.ts';
import { ErrorNotice } from '../ui/notice.tsx';

interface SearchResult {
  caseId: string;
  memberId: string;
  memberName: string | null;
  status: 'open' | 'closed';
  priority: number;
}

/** Finds cases by member name or id; the text goes in a POST body, never in a URL. */
export function MemberSearch({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const [text, setText] = useState('');
  const search = useMutation({
    mutationFn: (value: string) =>
      apiFetch<{ items: SearchResult[] }>('/api/worklist/search', { method: 'POST', body: { text: value } }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim().length >= 2) search.mutate(text.trim());
  }
  return (
    <div className="member-search">
      <form onSubmit={submit} className="row" aria-label="Find a member">
        <label>
          Find a member (press /)
          <input
            ref={inputRef}
            type="search"
            placeholder="Name or member id"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
          />
        </label>
        <button type="submit" className="align-end" disabled={search.isPending}>
          Find
        </button>
      </form>
      {search.isError && <ErrorNotice error={search.error} />}
      {search.data && (
        <section className="search-results" aria-label="Search results" aria-live="polite">
          {search.data.items.length === 0 ? (
            <p className="muted">No case for that name or id on your worklist.</p>
          ) : (
            <ul>
              {search.data.items.map((r) => (
                <li key={r.caseId}>
                  <a href={hrefFor({ kind: 'case', caseId: r.caseId })}>{r.memberName ?? r.memberId}</a>{' '}
                  <span className="muted small">
                    {r.memberId} · priority {r.priority} · {r.status}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="link" onClick={() => search.reset()}>
            Clear
          </button>
        </section>
      )}
    </div>
  );
}
