import { useQuery } from '@tanstack/react-query';
import type { MeasuresResult } from '../../../src/measures/compute-measures.ts';
import { apiFetch, toQuery } from '../api/http.ts';

export type { MeasuresResult };
export type MeasureRow = MeasuresResult['rows'][number];

/** The measures for a range of months (aggregates only; small cells arrive already suppressed). */
export function useMeasures(from: string, to: string) {
  return useQuery({
    queryKey: ['measures', from, to],
    queryFn: () => apiFetch<MeasuresResult>(`/api/analytics/measures${toQuery({ from, to })}`),
    staleTime: 5 * 60_000,
  });
}

export const csvHref = (from: string, to: string) =>
  `/api/analytics/measures${toQuery({ from, to, format: 'csv' })}`;

/** The last complete month and the 11 before it: the default range. */
export function defaultRange(today = new Date()): { from: string; to: string } {
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const first = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - 11, 1));
  const month = (d: Date) => d.toISOString().slice(0, 7);
  return { from: month(first), to: month(last) };
}

/** Finds one row of the result. */
export function rowOf(
  rows: readonly MeasureRow[],
  measure: MeasureRow['measure'],
  market: string,
  slot: { month?: string; period?: 'range' | 'baseline' | 'latest12' },
): MeasureRow | undefined {
  return rows.find(
    (r) =>
      r.measure === measure &&
      r.market === market &&
      r.month === (slot.month ?? null) &&
      r.period === (slot.period ?? null),
  );
}
