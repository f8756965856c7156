import { useEffect, useRef, useState } from 'react';
import type { Me } from '../api/session.ts';
import type { WorklistItem, WorklistSort } from '../api/types.ts';
import { useCaseloads } from '../call/case-actions.tsx';
import { navigate } from '../router.ts';
import { ErrorNotice, Notice } from '../ui/notice.tsx';
import { useWorklist, useWorklistWork } from './use-worklist.ts';
import { useWorklistTable } from './use-worklist-table.ts';
import { type WorklistFilters, WorklistFiltersBar } from './worklist-filters.tsx';
import { WorklistTable } from './worklist-table.tsx';

const pageSize = 50;
/** One empty list, so the table's data stays the same array while nothing has loaded. */
const noItems: WorklistItem[] = [];

/** The case manager's queue: highest priority first, what matters visible without a click. */
export function WorklistPage({ me }: { me: Me }) {
  const caseloads = useCaseloads(me.role === 'supervisor');
  const people = (caseloads.data?.caseloads ?? []).flatMap((c) =>
    c.userId ? [{ userId: c.userId, name: c.name }] : [],
  );
  const [filters, setFilters] = useState<WorklistFilters>({});
  // In component state like the filters: worklist state stays out of the URL's query string, so member names never reach history or logs.
  const [sort, setSort] = useState<WorklistSort>('priority');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const worklist = useWorklist({ ...filters, sort, page, pageSize });
  const items = worklist.data?.items ?? noItems;
  const work = useWorklistWork(items.map((i) => i.caseId));
  const total = worklist.data?.total ?? 0;
  const table = useWorklistTable({
    items,
    work: work.data,
    total,
    sort,
    onSort: (next) => {
      setSort(next);
      setPage(1);
      setSelected(0);
    },
    page,
    pageSize,
    onPage: setPage,
  });

  // Keyboard first: j/k or arrows move, Enter opens, / finds a member, [ and ] change page.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'SUMMARY', 'A'].includes(target.tagName)) {
        if (event.key !== 'Escape') return;
        target.blur();
        return;
      }
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
      } else if (event.key === 'j' || event.key === 'ArrowDown') {
        event.preventDefault();
        setSelected((s) => Math.min(s + 1, items.length - 1));
      } else if (event.key === 'k' || event.key === 'ArrowUp') {
        event.preventDefault();
        setSelected((s) => Math.max(s - 1, 0));
      } else if (event.key === 'Enter' && items[selected]) {
        navigate({ kind: 'case', caseId: items[selected].caseId });
      } else if (event.key === ']') {
        table.nextPage();
      } else if (event.key === '[') {
        table.previousPage();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, selected, table]);

  return (
    <div>
      <div className="row">
        <h1>Worklist</h1>
        <span className="muted">
          {worklist.data
            ? `${total.toLocaleString()} ${filters.status === 'closed' ? 'closed' : 'open'} cases`
            : ''}
        </span>
        <span className="spacer" />
        <span className="muted small hide-tablet">j/k move · Enter open · / find · [ ] page</span>
      </div>
      <WorklistFiltersBar
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setPage(1);
          setSelected(0);
        }}
        searchRef={searchRef}
        people={people}
      />
      {worklist.isError ? (
        <ErrorNotice error={worklist.error} />
      ) : worklist.isPending ? (
        <p className="loading">Loading the worklist…</p>
      ) : items.length === 0 ? (
        <Notice title="No cases match">
          Clear a filter to see more. New cases appear after the next checkpoint run (
          <code>checkpoint identify</code>).
        </Notice>
      ) : (
        <WorklistTable table={table} selected={selected} busy={worklist.isFetching} />
      )}
      <p className="legend">
        Open a badge for the rule behind it. Dashed badges marked §2 come from substance-use records protected
        by 42 CFR Part 2: do not re-disclose them. Amber: an overdose, an emergency in the last 7 days, or a
        first call due within a day.
      </p>
      <nav className="pager" aria-label="Pages">
        <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
          Previous
        </button>
        <span aria-live="polite">
          Page {page} of {table.getPageCount()}
        </span>
        <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
          Next
        </button>
      </nav>
    </div>
  );
}
