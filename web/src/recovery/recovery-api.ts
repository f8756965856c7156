import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../api/http.ts';

export interface Goal {
  id?: string;
  description: string;
  measure: string;
  target: string;
  dueDate: string;
  status: string;
  /** Small steps the member marks done in their app. */
  steps?: { id?: string; text: string; doneOn: string | null }[];
}
export interface Service {
  requestId: string;
  category: string;
  service: string;
  performerName: string;
  status: string;
  version: number;
}
export interface Plan {
  planId: string;
  category: 'treatment' | 'aftercare';
  status: string;
  version: number;
  content: {
    title: string;
    goals: Goal[];
    careTeam: { role: string; name: string }[];
    checkInCadence?: string;
    crisisPlan?: string;
    discharge?: { dischargedOn: string; fromLevelOfCare: string; handoffTo: string; handoffOn: string };
  };
  services: Service[];
  history: { version: number; changedBy: string; changedAt: string; summary: string }[];
}
export interface Alert {
  alertId: string;
  memberId: string;
  label: string;
  severity: 'urgent' | 'high' | 'normal';
  raisedOn: string;
  dueOn: string;
  overdue: boolean;
  evidence: { detail: string; date: string };
  status: 'open' | 'resolved';
  resolutionNote: string | null;
}
export interface FollowUp {
  followUpId: string;
  memberId: string;
  kind: 'warm_handoff' | 'day_7' | 'day_30' | 'day_90';
  label: string;
  dueOn: string;
  overdue: boolean;
  status: 'open' | 'done';
  outcome: string | null;
  note: string | null;
}
export interface Score {
  scoreId: string;
  display: string;
  score: number;
  band: string | null;
  effectiveAt: string;
}
export interface RecoverySummary {
  plans: Plan[];
  sessions: { sessionId: string; date: string; service: string; attended: boolean }[];
  screens: { screenId: string; date: string; substance: string; positive: boolean }[];
  checkIns: {
    checkInId: string;
    submittedAt: string;
    mood: number;
    craving: number;
    usedLast7Days: boolean;
  }[];
  scores: Score[];
  alerts: Alert[];
  followUps: FollowUp[];
}

export const recoveryKey = (memberId: string) => ['recovery', memberId];
export const words = (code: string) => code.replaceAll('_', ' ').replaceAll('-', ' ');
export { todayIso } from '../../../src/platform/calendar/iso-days.ts';

/** The member's recovery in one read. */
export function useRecovery(memberId: string) {
  return useQuery({
    queryKey: recoveryKey(memberId),
    queryFn: () => apiFetch<RecoverySummary>(`/api/members/${encodeURIComponent(memberId)}/recovery`),
  });
}

/** A write about the member's recovery: on success every recovery read of the member is fetched again. */
export function useRecoveryWrite<I, O = unknown>(memberId: string, request: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: recoveryKey(memberId) }),
        client.invalidateQueries({ queryKey: ['support-network', memberId] }),
        client.invalidateQueries({ queryKey: ['case-work'] }),
      ]),
  });
}

export const post = <O>(path: string, body: unknown) => apiFetch<O>(path, { method: 'POST', body });
