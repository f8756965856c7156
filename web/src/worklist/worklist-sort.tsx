import type { WorklistSort } from '../api/types.ts';

/** How each server sort orders its column, for `aria-sort` and the table's accessible name. */
const sortOrders: Record<WorklistSort, { direction: 'ascending' | 'descending'; description: string }> = {
  priority: { direction: 'descending', description: 'highest priority first' },
  emergency: { direction: 'ascending', description: 'most recent emergency first' },
  due: { direction: 'ascending', description: 'first call due soonest first' },
  member: { direction: 'ascending', description: 'by member id' },
};

/** Names the order the worklist is in, for the table's accessible name. */
export function describeWorklistSort(sort: WorklistSort): string {
  return `Outreach cases, ${sortOrders[sort].description}`;
}

/**
 * A column header that sorts the worklist: a button (Tab and Enter/Space) inside a `th`
 * carrying `aria-sort` only while its sort is the active one (WAI-ARIA sortable table).
 * Each sort has one direction, fixed by the server, so a second press keeps it.
 */
export function SortHeader({
  sort,
  active,
  onSort,
  label,
  title,
  className,
}: {
  sort: WorklistSort;
  active: WorklistSort;
  onSort: (sort: WorklistSort) => void;
  label: string;
  title?: string;
  className?: string;
}) {
  const order = sortOrders[sort];
  const isActive = sort === active;
  return (
    <th
      aria-sort={isActive ? order.direction : undefined}
      className={className}
      title={title ? `${title}. Sorts ${order.description}.` : `Sorts ${order.description}.`}
    >
      <button type="button" onClick={() => onSort(sort)}>
        {label}
        {isActive ? <span aria-hidden="true">{order.direction === 'descending' ? ' ↓' : ' ↑'}</span> : null}
      </button>
    </th>
  );
}
