import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { WorklistItem, WorklistSort } from '../api/types.ts';
import { useWorklistTable, type WorklistTableInstance } from './use-worklist-table.ts';
import { worklistItem } from './worklist-fixture.ts';

const items: WorklistItem[] = [worklistItem];

interface Asked {
  sorts: WorklistSort[];
  pages: number[];
}

/** Builds the worklist table over one case and hands the instance out; renders nothing itself. */
function Harness(props: {
  sort: WorklistSort;
  page: number;
  total: number;
  asked: Asked;
  onTable: (table: WorklistTableInstance) => void;
}) {
  props.onTable(
    useWorklistTable({
      items,
      work: undefined,
      total: props.total,
      sort: props.sort,
      onSort: (next) => props.asked.sorts.push(next),
      page: props.page,
      pageSize: 50,
      onPage: (next) => props.asked.pages.push(next),
    }),
  );
  return null;
}

/** Renders the worklist table once and hands back the instance with what its callbacks were asked. */
function renderTable(sort: WorklistSort, page: number, total: number) {
  const asked: Asked = { sorts: [], pages: [] };
  let table: WorklistTableInstance | undefined;
  renderToStaticMarkup(
    <Harness sort={sort} page={page} total={total} asked={asked} onTable={(t) => (table = t)} />,
  );
  if (!table) throw new Error('the table did not render');
  return { table, asked };
}

function pressHeader(table: WorklistTableInstance, columnId: string) {
  table.getColumn(columnId)?.getToggleSortingHandler()?.({});
}

describe('useWorklistTable', () => {
  it('asks the server for a column’s sort when its header is pressed', () => {
    const { table, asked } = renderTable('priority', 3, 500);
    pressHeader(table, 'member');
    pressHeader(table, 'emergency');
    expect(asked.sorts).toEqual(['member', 'emergency']);
  });

  it('keeps the sort when the active header is pressed again (one direction per sort)', () => {
    const { table, asked } = renderTable('due', 1, 500);
    pressHeader(table, 'due');
    pressHeader(table, 'due');
    expect(asked.sorts).toEqual([]);
    expect(table.getColumn('due')?.getIsSorted()).toBe('asc');
  });

  it('sorts priority descending and the other sorts ascending, and nothing else', () => {
    const sortable = renderTable('priority', 1, 1)
      .table.getAllLeafColumns()
      .filter((c) => c.getCanSort())
      .map((c) => c.id);
    expect(sortable).toEqual(['priority', 'member', 'emergency', 'due']);
    expect(renderTable('priority', 1, 1).table.getColumn('priority')?.getIsSorted()).toBe('desc');
    expect(renderTable('member', 1, 1).table.getColumn('member')?.getIsSorted()).toBe('asc');
    const byPriority = renderTable('priority', 1, 1);
    pressHeader(byPriority.table, 'market');
    expect(byPriority.asked.sorts).toEqual([]);
  });

  it('pages within the server’s page count, 1-based like the API', () => {
    const middle = renderTable('priority', 2, 120);
    expect(middle.table.getPageCount()).toBe(3);
    middle.table.nextPage();
    middle.table.previousPage();
    expect(middle.asked.pages).toEqual([3, 1]);

    const last = renderTable('priority', 3, 120);
    expect(last.table.getCanNextPage()).toBe(false);
    last.table.nextPage();
    expect(last.asked.pages).toEqual([3]);

    const empty = renderTable('priority', 1, 0);
    expect(empty.table.getPageCount()).toBe(1);
    expect(empty.table.getCanPreviousPage()).toBe(false);
    expect(empty.table.getCanNextPage()).toBe(false);
  });
});
