import type { SortingState } from '@tanstack/react-table';
import type { WorklistSort } from '../api/types.ts';

/** How each server sort orders its column: one direction each, fixed by the server (worklist-query.ts). */
const sortOrders: Record<WorklistSort, { desc: boolean; description: string }> = {
  priority: { desc: true, description: 'highest priority first' },
  emergency: { desc: false, description: 'most recent emergency first' },
  due: { desc: false, description: 'first call due soonest first' },
  member: { desc: false, description: 'by member id' },
};

function isWorklistSort(id: string | undefined): id is WorklistSort {
  return id !== undefined && Object.hasOwn(sortOrders, id);
}

/** Names the order the worklist is in, for the table's accessible name (the server's default is priority). */
export function describeWorklistSort(sorting: SortingState): string {
  return `Outreach cases, ${sortOrders[pickWorklistSort(sorting) ?? 'priority'].description}`;
}

/** A sortable header's tooltip: what the column is (when it needs saying) and how it sorts. */
export function describeSortHeader(columnId: string, title: string | undefined): string | undefined {
  if (!isWorklistSort(columnId)) return title;
  const sorts = `Sorts ${sortOrders[columnId].description}.`;
  return title ? `${title}. ${sorts}` : sorts;
}

/** The table's sorting state for a server sort: its column, in the server's direction. */
export function toSorting(sort: WorklistSort): SortingState {
  return [{ id: sort, desc: sortOrders[sort].desc }];
}

/** The server sort a sorting state asks for, if its first column is one the server sorts by. */
export function pickWorklistSort(sorting: SortingState): WorklistSort | undefined {
  const id = sorting[0]?.id;
  return isWorklistSort(id) ? id : undefined;
}
