import type { WorklistTableInstance } from './use-worklist-table.ts';
import { describeSortHeader, describeWorklistSort } from './worklist-sort.ts';

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;
const arrows = { asc: ' ↑', desc: ' ↓' };

/**
 * The worklist rows from the table's columns. A sortable header is a button (Tab and Enter/Space)
 * inside a `th` carrying `aria-sort` only while its sort is the active one (WAI-ARIA sortable table).
 */
export function WorklistTable({
  table,
  selected,
  busy,
}: {
  table: WorklistTableInstance;
  /** The row j/k moved to (its index on the page). */
  selected: number;
  busy: boolean;
}) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table aria-label={describeWorklistSort(table.state.sorting)}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const { column } = header;
                const { className, title } = column.columnDef.meta ?? {};
                const sorted = column.getIsSorted();
                const label = <table.FlexRender header={header} />;
                return (
                  <th
                    key={header.id}
                    aria-sort={sorted ? ariaSort[sorted] : undefined}
                    className={className}
                    title={describeSortHeader(column.id, title)}
                  >
                    {column.getCanSort() ? (
                      <button type="button" onClick={column.getToggleSortingHandler()}>
                        {label}
                        {sorted ? <span aria-hidden="true">{arrows[sorted]}</span> : null}
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={row.index === selected ? 'selected' : undefined}
              aria-selected={row.index === selected}
            >
              {row.getAllCells().map((cell) => {
                const { className, cellClassName } = cell.column.columnDef.meta ?? {};
                return (
                  <td
                    key={cell.id}
                    className={[className, cellClassName].filter(Boolean).join(' ') || undefined}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
