import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQuery } from '../api/http.ts';
import type { CaseWorkSummary, WorklistPage, WorklistQuery } from '../api/types.ts';

/** One page of the worklist, paged and filtered on the server; keeps the last page on screen while loading. */
export function useWorklist(query: WorklistQuery) {
  return useQuery({
    queryKey: ['worklist', query],
    queryFn: () => apiFetch<WorklistPage>(`/api/worklist${toQuery({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

/** Stage, service-level clock, assignee, name and plan for the cases on the page, in one request. */
export function useWorklistWork(caseIds: string[]) {
  return useQuery({
    queryKey: ['worklist-work', caseIds],
    queryFn: async () => {
      const { items } = await apiFetch<{ items: CaseWorkSummary[] }>(
        `/api/worklist/work${toQuery({ caseIds: caseIds.join(',') })}`,
      );
      return new Map(items.map((item) => [item.caseId, item]));
    },
    enabled: caseIds.length > 0,
    placeholderData: keepPreviousData,
  });
}
