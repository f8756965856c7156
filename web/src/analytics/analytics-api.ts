import { useQuery } from '@tanstack/react-query';
import type { MeasuresResult } from '../../../src/measures/compute-measures.ts';
import { apiFetch, toQuery } from '../api/http.ts';

export type { MeasuresResult };
export type MeasureRow = MeasuresResult['rows'][number];

/** What the measures are asked for: a range of months and, optionally, one plan type. */
export interface MeasuresFilter {
  from: string;
  to: string;
  planType?: string;
}

/** The measures for a filter (aggregates only; small cells arrive already suppressed). */
export function useMeasures(filter: MeasuresFilter) {
  return useQuery({
    queryKey: ['measures', filter.from, filter.to, filter.planType ?? ''],
    queryFn: () => apiFetch<MeasuresResult>(`/api/analytics/measures${toQuery({ ...filter })}`),
    staleTime: 5 * 60_000,
  });
}

/** The whole result as CSV, or the program report as PDF. */
export const downloadHref = (filter: MeasuresFilter, format: 'csv' | 'pdf') =>
  format === 'pdf'
    ? `/api/analytics/report${toQuery({ ...filter })}`
    : `/api/analytics/measures${toQuery({ ...filter, format })}`;

/** The last complete month and the 11 before it: the default range. */
export function defaultRange(today = new Date()): { from: string; to: string } {
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const first = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - 11, 1));
  const month = (d: Date) => d.toISOString().slice(0, 7);
  return { from: month(first), to: month(last) };
}
