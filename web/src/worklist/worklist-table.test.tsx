import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { WorklistSort } from '../api/types.ts';
import { useWorklistTable } from './use-worklist-table.ts';
import { worklistItem } from './worklist-fixture.ts';
import { WorklistTable } from './worklist-table.tsx';

const item = worklistItem;

function Worklist({ sort }: { sort: WorklistSort }) {
  const table = useWorklistTable({
    items: [item],
    work: undefined,
    total: 1,
    sort,
    onSort: () => {},
    page: 1,
    pageSize: 50,
    onPage: () => {},
  });
  return <WorklistTable table={table} selected={0} busy={false} />;
}

function render(sort: WorklistSort): string {
  return renderToStaticMarkup(<Worklist sort={sort} />);
}

/** The headers that carry `aria-sort`, as `label=direction`. */
function sortedHeaders(html: string): string[] {
  return [...html.matchAll(/<th aria-sort="([a-z]+)"[^>]*><button type="button">([^<]+)</g)].map(
    (m) => `${m[2]}=${m[1]}`,
  );
}

describe('WorklistTable sorting', () => {
  it('marks only the Priority header as sorted, descending, by default', () => {
    const html = render('priority');
    expect(sortedHeaders(html)).toEqual(['Priority=descending']);
    expect(html).toContain('aria-label="Outreach cases, highest priority first"');
  });

  it.each([
    ['member', 'Member=ascending', 'by member id'],
    ['emergency', 'Days since=ascending', 'most recent emergency first'],
    ['due', 'First call=ascending', 'first call due soonest first'],
  ] as const)('marks the %s header as the one sorted and names the order', (sort, header, order) => {
    const html = render(sort);
    expect(sortedHeaders(html)).toEqual([header]);
    expect(html).toContain(`aria-label="Outreach cases, ${order}"`);
  });

  it('makes every sortable header a button, so Tab and Enter reach it', () => {
    const buttons = [...render('priority').matchAll(/<th[^>]*><button type="button">([^<]+)</g)].map(
      (m) => m[1],
    );
    expect(buttons).toEqual(['Priority', 'Member', 'Days since', 'First call']);
  });
});
