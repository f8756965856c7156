import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/http.ts';
import type { CaseView, CaseWork, MemberView } from '../api/types.ts';

/** The member 360: profile, coverage, risk with evidence, claims and daily MME (every read audited by the API). */
export function useMember(memberId: string | undefined) {
  return useQuery({
    queryKey: ['member', memberId],
    queryFn: () => apiFetch<MemberView>(`/api/members/${encodeURIComponent(memberId ?? '')}`),
    enabled: memberId !== undefined,
  });
}

/** The outreach case as the checkpoint opened it. */
export function useCase(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: () => apiFetch<CaseView>(`/api/cases/${encodeURIComponent(caseId)}`),
  });
}

/** The work on the case: stage, attempts, referrals, history, next action, plan. */
export function useCaseWork(caseId: string) {
  return useQuery({
    queryKey: ['case-work', caseId],
    queryFn: () => apiFetch<CaseWork>(`/api/cases/${encodeURIComponent(caseId)}/work`),
  });
}
