import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQuery } from '../api/http.ts';
import type { WorklistPage, WorklistQuery } from '../api/types.ts';

/** One page of the worklist, paged, sorted and filtered on the server; keeps the last page while loading. */
export function useWorklist(query: WorklistQuery) {
  return useQuery({
    queryKey: ['worklist', query],
    queryFn: () => apiFetch<WorklistPage>(`/api/worklist${toQuery({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}
