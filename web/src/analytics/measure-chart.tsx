import { useEffect, useRef } from 'react';
import type { MeasureChart, MeasureTable } from '../../../src/measures/charts/chart-types.ts';
import { echarts } from '../../../src/measures/charts/echarts-setup.ts';
import { csvField } from '../../../src/platform/csv/csv-field.ts';

/** The chart's table as CSV, for its download link. */
function tableCsvHref(table: MeasureTable): string {
  const lines = [table.head, ...table.rows].map((row) => row.map(csvField).join(','));
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`${lines.join('\n')}\n`)}`;
}

/** Figures (and "suppressed" in their place) align right; words align left. */
const numeric = /^([-\d.,% ()–—]+|suppressed)$/;

export function MeasureTableView({ table, hideCaption }: { table: MeasureTable; hideCaption?: boolean }) {
  return (
    <table>
      <caption className={hideCaption ? 'sr-only' : undefined}>{table.caption}</caption>
      <thead>
        <tr>
          {table.head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row[0]}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={table.head[i]} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={table.head[i]} className={numeric.test(cell) ? 'num' : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One chart of the measures as ECharts draws it in the browser (SVG), the same option the PDF
 * report renders on the server; its table below (folded away when asked) and as CSV.
 */
export function MeasureChartView({
  chart,
  height = 240,
  table = 'open',
}: {
  chart: MeasureChart;
  height?: number;
  table?: 'open' | 'folded' | 'none';
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, null, { renderer: 'svg' });
    instance.setOption(chart.option);
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      instance.dispose();
    };
  }, [chart]);
  return (
    <figure className="chart">
      <div ref={box} role="img" aria-label={chart.summary} style={{ height }} />
      {table === 'open' && <MeasureTableView table={chart.table} />}
      {table === 'folded' && (
        <details>
          <summary>Table</summary>
          <MeasureTableView table={chart.table} />
        </details>
      )}
      {table !== 'none' && (
        <a className="small" href={tableCsvHref(chart.table)} download={`${chart.id}.csv`}>
          Download this table (CSV)
        </a>
      )}
    </figure>
  );
}
