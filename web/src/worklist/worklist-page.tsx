import { useEffect, useRef, useState } from 'react';
import type { Me } from '../api/session.ts';
import type { WorklistQuery } from '../api/types.ts';
import { navigate } from '../router.ts';
import { ErrorNotice, Notice } from '../ui/notice.tsx';
import { useDebounced } from '../ui/use-debounced.ts';
import { useWorklist } from './use-worklist.ts';
import { type WorklistFilters, WorklistFiltersBar } from './worklist-filters.tsx';
import { WorklistTable } from './worklist-table.tsx';

const pageSize = 50;

/** The case manager's queue: highest priority first, what matters visible without a click. */
export function WorklistPage({ me }: { me: Me }) {
  const [filters, setFilters] = useState<WorklistFilters>({});
  const [sort, setSort] = useState<WorklistQuery['sort']>('priority');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const q = useDebounced(filters.q, 250);
  const worklist = useWorklist({ ...filters, ...(q ? { q } : {}), sort, page, pageSize });
  const items = worklist.data?.items ?? [];
  const total = worklist.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  // Keyboard first: j/k or arrows move, Enter opens, / searches, [ and ] change page.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
      } else if (event.key === 'j' || event.key === 'ArrowDown') {
        setSelected((s) => Math.min(s + 1, items.length - 1));
      } else if (event.key === 'k' || event.key === 'ArrowUp') {
        setSelected((s) => Math.max(s - 1, 0));
      } else if (event.key === 'Enter' && items[selected]) {
        navigate({ kind: 'case', caseId: items[selected].caseId });
      } else if (event.key === ']') {
        setPage((p) => Math.min(p + 1, pages));
      } else if (event.key === '[') {
        setPage((p) => Math.max(p - 1, 1));
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, selected, pages]);

  return (
    <div>
      <div className="row">
        <h1>Worklist</h1>
        <span className="muted">{worklist.data ? `${total.toLocaleString()} cases` : ''}</span>
        <span className="spacer" />
        <span className="muted small hide-tablet">j/k move · Enter open · / search · [ ] page</span>
      </div>
      <WorklistFiltersBar
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setPage(1);
          setSelected(0);
        }}
        searchRef={searchRef}
        showAssignee={me.role === 'supervisor' || me.role === 'case_manager'}
      />
      {worklist.isError ? (
        <ErrorNotice error={worklist.error} />
      ) : worklist.isPending ? (
        <p className="loading">Loading the worklist…</p>
      ) : items.length === 0 ? (
        <Notice title="No cases match">
          Clear a filter or the search to see more. New cases appear after the next checkpoint run.
        </Notice>
      ) : (
        <WorklistTable
          items={items}
          sort={sort}
          onSort={(s) => {
            setSort(s);
            setPage(1);
          }}
          selected={selected}
          busy={worklist.isFetching}
        />
      )}
      <nav className="pager" aria-label="Pages">
        <button type="button" onClick={() => setPage((p) => Math.max(p - 1, 1))} disabled={page <= 1}>
          Previous
        </button>
        <span aria-live="polite">
          Page {page} of {pages}
        </span>
        <button type="button" onClick={() => setPage((p) => Math.min(p + 1, pages))} disabled={page >= pages}>
          Next
        </button>
      </nav>
    </div>
  );
}
