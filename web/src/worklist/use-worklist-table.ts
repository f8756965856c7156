import { functionalUpdate, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { CaseWorkSummary, WorklistItem, WorklistSort } from '../api/types.ts';
import { type WorklistRow, worklistColumns, worklistFeatures } from './worklist-columns.tsx';
import { pickWorklistSort, toSorting } from './worklist-sort.ts';

/**
 * The worklist as a TanStack table over one server page: sorting and paging are the page's state
 * (kept out of the URL, where member data would leak into history) and the server does both, so the table only reports what was asked.
 */
export function useWorklistTable({
  items,
  work,
  total,
  sort,
  onSort,
  page,
  pageSize,
  onPage,
}: {
  items: WorklistItem[];
  work: Map<string, CaseWorkSummary> | undefined;
  /** Cases on every page, for the page count. */
  total: number;
  sort: WorklistSort;
  onSort: (sort: WorklistSort) => void;
  /** 1-based, as the API counts pages. */
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const data = useMemo<WorklistRow[]>(
    () => items.map((item) => ({ ...item, work: work?.get(item.caseId) })),
    [items, work],
  );
  const sorting = useMemo(() => toSorting(sort), [sort]);
  const pagination = useMemo(() => ({ pageIndex: page - 1, pageSize }), [page, pageSize]);
  return useTable({
    features: worklistFeatures,
    columns: worklistColumns,
    data,
    getRowId: (row) => row.caseId,
    state: { sorting, pagination },
    manualSorting: true,
    enableMultiSort: false,
    // Each sort has one direction, fixed by the server: pressing the active header again keeps it.
    onSortingChange: (updater) => {
      const next = pickWorklistSort(functionalUpdate(updater, sorting));
      if (next && next !== sort) onSort(next);
    },
    manualPagination: true,
    // A page count (rather than a row count) also keeps next and previous within the pages there are.
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    onPaginationChange: (updater) => onPage(functionalUpdate(updater, pagination).pageIndex + 1),
  });
}

/** The worklist table instance the screen renders. */
export type WorklistTableInstance = ReturnType<typeof useWorklistTable>;
