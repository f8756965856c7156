import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CostEstimate } from '../../../src/coverage/cost/estimate-cost.ts';
import type { CareService, CareType } from '../../../src/coverage/network/network-schema.ts';
import type { AuthorizationView, directoryHitSchema } from '../../../src/coverage/preauth/view-schemas.ts';
import { apiFetch, toQuery } from '../api/http.ts';

export type { AuthorizationView, CareService, CareType };

export type DirectoryHit = z.output<typeof directoryHitSchema>;

export interface CareOptions {
  market: string;
  zip: string | null;
  planId: string;
  items: DirectoryHit[];
}

export interface MemberCoverage {
  planId: string;
  planName: string;
  planType: string;
  behavioralHealthCaseManagement: boolean;
  /** The plan's behavioral-health line, on the member's card. */
  behavioralHealthLine: string | null;
  deductible: number;
  outOfPocketMax: number;
  accumulators: Record<'in' | 'out', { deductibleMet: number; outOfPocketMet: number }>;
  planYearStart: string;
  assumptions: string[];
}

export interface ChecklistItem {
  id: string;
  text: string;
  status: 'found' | 'partial' | 'concern' | 'ask';
  summary: string;
  evidence: Array<{ claimId: string; date: string; code: string }>;
}

// The estimate as the API returns it: the server's own types, so the two cannot drift apart.
export type { CostEstimate };
export interface CostComparison {
  facility: { id: string; name: string; type: string; networkStatus: 'in' | 'out' };
  atThisFacility: CostEstimate;
  inNetwork: CostEstimate;
  outOfNetwork: CostEstimate;
  planYearStart: string;
}

export interface PlanSummary {
  planId: string;
  name: string;
  planType: string;
  lineOfBusiness: string;
}
export interface PlanDetail {
  plan: { planId: string; name: string; planType: string; behavioralHealthCaseManagement: boolean };
  facilityCoverage: Array<{
    careType: CareType;
    care: string;
    inNetwork: string;
    outOfNetwork: string;
    preauthorizationRequired: boolean;
    referralNeeded: boolean;
  }>;
}
export interface LevelsOfCare {
  items: Array<{
    id: string;
    name: string;
    procedureCodes: string[];
    criteria: Array<{ id: string; text: string; source: string; kind: string }>;
  }>;
  denialReasons: string[];
}

export type PreauthAction =
  | { kind: 'start-review' }
  | { kind: 'pend'; informationRequested: string }
  | { kind: 'provide-information'; information: string }
  | { kind: 'approve' }
  | { kind: 'partially-approve'; approvedUnits: number[]; reason: string }
  | { kind: 'deny'; reasonCode: string; reason: string; criteriaMissed?: string[] }
  | { kind: 'withdraw'; reason: string };

const member = (id: string) => `/api/members/${encodeURIComponent(id)}`;

/** Care near the member that their plan covers (the server finds their market, ZIP and plan). */
export function useCareOptions(memberId: string, filters: { type?: CareType; inNetworkOnly: boolean }) {
  return useQuery({
    queryKey: ['care-options', memberId, filters],
    queryFn: () =>
      apiFetch<CareOptions>(
        `${member(memberId)}/care-options${toQuery({ type: filters.type, inNetworkOnly: String(filters.inNetworkOnly) })}`,
      ),
  });
}

/** The care network directory, filtered (filters only in the query string, no member data). */
export function useDirectory(filters: Record<string, string | undefined>, enabled = true) {
  return useQuery({
    queryKey: ['directory', filters],
    queryFn: () => apiFetch<{ items: DirectoryHit[] }>(`/api/coverage/directory${toQuery(filters)}`),
    enabled,
  });
}

/** The member's plan and what they have met of the deductible and out-of-pocket maximum this plan year. */
export function useMemberCoverage(memberId: string | undefined) {
  return useQuery({
    queryKey: ['member-coverage', memberId],
    queryFn: () => apiFetch<MemberCoverage>(`${member(memberId ?? '')}/coverage`),
    enabled: memberId !== undefined,
  });
}

/** The plan's eligibility checklist with what claims say about each item. */
export function useEligibility(memberId: string) {
  return useQuery({
    queryKey: ['eligibility', memberId],
    queryFn: () => apiFetch<{ items: ChecklistItem[] }>(`${member(memberId)}/eligibility-checklist`),
  });
}

/** What an episode at a facility would cost the member, in and out of network. */
export function useCostEstimate(memberId: string, facilityId: string | undefined) {
  return useQuery({
    queryKey: ['cost-estimate', memberId, facilityId],
    queryFn: () =>
      apiFetch<CostComparison>(`${member(memberId)}/cost-estimate`, {
        method: 'POST',
        body: { facilityId, hasReferral: true },
      }),
    enabled: facilityId !== undefined,
  });
}

/** The stored plans (names and types). */
export function usePlans() {
  return useQuery({
    queryKey: ['plans'],
    queryFn: () => apiFetch<{ items: PlanSummary[] }>('/api/coverage/plans'),
    staleTime: 5 * 60_000,
  });
}

/** One plan with its in- vs out-of-network table in plain words. */
export function usePlan(planId: string | undefined) {
  return useQuery({
    queryKey: ['plan', planId],
    queryFn: () => apiFetch<PlanDetail>(`/api/coverage/plans/${encodeURIComponent(planId ?? '')}`),
    enabled: planId !== undefined,
    staleTime: 5 * 60_000,
  });
}

/** Levels of care with their criteria, and the denial reasons. */
export function useLevelsOfCare() {
  return useQuery({
    queryKey: ['levels-of-care'],
    queryFn: () => apiFetch<LevelsOfCare>('/api/coverage/levels-of-care'),
    staleTime: 5 * 60_000,
  });
}

const list = (path: string) => () => apiFetch<{ items: AuthorizationView[] }>(path);

/** Open requests for the reviewer, each with its decision clock. */
export function useReviewQueue() {
  return useQuery({
    queryKey: ['preauth', 'queue'],
    queryFn: list('/api/preauthorizations/queue'),
    refetchInterval: 60_000,
  });
}

/** The signed-in facility's own requests. */
export function useFacilityRequests() {
  return useQuery({ queryKey: ['preauth', 'facility'], queryFn: list('/api/facility/preauthorizations') });
}

/** One member's requests (member view: status, clock, decision). */
export function useMemberPreauths(memberId: string | undefined) {
  return useQuery({
    queryKey: ['preauth', 'member', memberId],
    queryFn: list(`${member(memberId ?? '')}/preauthorizations`),
    enabled: memberId !== undefined,
  });
}

/** One request as the caller's role may see it. */
export function usePreauth(authorizationId: string) {
  return useQuery({
    queryKey: ['preauth', 'one', authorizationId],
    queryFn: () =>
      apiFetch<AuthorizationView>(`/api/preauthorizations/${encodeURIComponent(authorizationId)}`),
  });
}

/** Takes an action on a request with the version read; refreshes every list of requests after. */
export function usePreauthAction(authorizationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; action: PreauthAction }) =>
      apiFetch<AuthorizationView>(`/api/preauthorizations/${encodeURIComponent(authorizationId)}/actions`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: (view) => {
      client.setQueryData(['preauth', 'one', authorizationId], view);
      void client.invalidateQueries({ queryKey: ['preauth'] });
    },
  });
}

/** Submits a new request from facility staff. */
export function useSubmitPreauth() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) =>
      apiFetch<AuthorizationView>('/api/preauthorizations', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['preauth'] }),
  });
}

/** The signed-in member's own member id (from /api/me; never stored in the browser). */
export function useMyMemberId() {
  return useQuery({
    queryKey: ['my-member-id'],
    queryFn: async () => (await apiFetch<{ memberId: string | null }>('/api/me')).memberId,
    staleTime: 10 * 60_000,
  });
}
