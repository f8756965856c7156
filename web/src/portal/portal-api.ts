import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/http.ts';

const member = (id: string) => `/api/members/${encodeURIComponent(id)}`;

/** A goal of my plan, with the small steps I can mark done. */
export interface MyGoal {
  planId: string;
  goalId: string;
  description: string;
  target: string;
  dueDate: string;
  status: string;
  steps: { stepId: string; text: string; doneOn: string | null }[];
}

export interface MyRecovery {
  record: {
    appointments?: { date: string; service: string; attended: boolean }[];
    goals?: MyGoal[];
    services?: { service: string; performerName: string; status: string }[];
    careTeam?: { role: string; name: string }[];
  };
  lastCheckIn: string | null;
  checkInDue: boolean;
  cadenceDays: number;
}

export interface CheckIn {
  checkInId: string;
  submittedAt: string;
  mood: number;
  craving: number;
}

export interface AccessEntry {
  seq: number;
  at: string;
  role: string | null;
  username: string | null;
  self: boolean;
  action: string;
  resourceType: string;
  outcome: 'success' | 'denied' | 'failure';
}

export const useMyRecovery = (memberId: string) =>
  useQuery({
    queryKey: ['my-recovery', memberId],
    queryFn: () => apiFetch<MyRecovery>(`${member(memberId)}/my-recovery`),
  });

export const useMyCheckIns = (memberId: string) =>
  useQuery({
    queryKey: ['my-check-ins', memberId],
    queryFn: async () => (await apiFetch<{ checkIns: CheckIn[] }>(`${member(memberId)}/check-ins`)).checkIns,
  });

export const useAccessHistory = (memberId: string) =>
  useQuery({
    queryKey: ['access-history', memberId],
    queryFn: async () =>
      (await apiFetch<{ entries: AccessEntry[] }>(`${member(memberId)}/access-history`)).entries,
  });

export { member as memberPath };
