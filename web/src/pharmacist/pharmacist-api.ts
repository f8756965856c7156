import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/http.ts';

/** Shapes of the prescriber, letter and lock-in API (the prescribers domain route files, RISK-RULES §8–9). */
export interface RankedMember {
  memberId: string;
  factors: string[];
  averageDailyMmeW180: number | null;
  prescribersW180: number;
  pharmaciesW180: number;
  overlapDaysW180: number;
  fillsByThisPrescriber: number;
}

export interface RankedPrescriber {
  npi: string;
  name: string | null;
  volume: { opioidFills: number; opioidPatients: number; opioidDaysSupply: number; highRiskPatients: number };
  members: RankedMember[];
}

export type LetterStatus = 'generated' | 'sent' | 'superseded';

export interface LetterSummary {
  letterId: string;
  runId: string;
  asOf: string;
  prescriberNpi: string;
  prescriberName: string | null;
  status: LetterStatus;
  memberCount: number;
  createdAt: string;
  sentAt: string | null;
  sentBy: string | null;
}

export interface LetterRun {
  runId: string;
  asOf: string;
  counts: {
    highRiskMembers: number;
    pairs: number;
    suppressed: number;
    letters: number;
    part2Withheld: number;
  };
  letters: Array<{ letterId: string; prescriberNpi: string; members: number }>;
}

export interface LetterDetail {
  letter: LetterSummary;
  members: Array<{
    memberId: string;
    disclosedFactorCodes: string[];
    newFactorCodes: string[];
    withheldPart2: number;
  }>;
  events: Array<{
    kind: string;
    at: string;
    actor: string | null;
    detail: string | null;
    deliveryId: string | null;
  }>;
  suppressedInRun: Array<{ prescriberNpi: string; memberId: string; priorSentOn: string; reason: string }>;
}

export interface LetterReportRow {
  letterId: string;
  asOf: string;
  prescriberNpi: string;
  prescriberName: string | null;
  sentAt: string;
  sentBy: string | null;
  memberId: string;
  why: string[];
  newSinceLastLetter: string[];
  part2FactsLeftOut: number;
}

// The lock-in, its events and its commands as the API speaks them: the server's own types,
// so the two cannot drift apart (events come without their lock-in id, which the page knows).
import type {
  LockIn,
  LockInCommand,
  LockInScope,
  LockInState,
  LockInEvent as RecordedLockInEvent,
} from '../../../src/prescribers/lock-in/lock-in-types.ts';

export type { LockIn, LockInCommand, LockInScope, LockInState };
export type LockInEvent = Omit<RecordedLockInEvent, 'lockInId'>;

export interface PharmacyDecision {
  decision: 'allow' | 'deny';
  reason: string;
  message: string;
  warnings: string[];
  lockInId: string | null;
}

/** Today as 'YYYY-MM-DD' (UTC), the default as-of date. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Prescribers ranked by their high-risk members as of a date. */
export function usePrescriberRanking(asOf: string) {
  return useQuery({
    queryKey: ['prescriber-ranking', asOf],
    queryFn: () =>
      apiFetch<{ asOf: string; prescribers: RankedPrescriber[] }>(
        `/api/prescribers/ranking?asOf=${encodeURIComponent(asOf)}`,
      ),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(asOf),
    staleTime: 60_000,
  });
}

/** Every letter, newest first. */
export function useLetters(status?: LetterStatus) {
  return useQuery({
    queryKey: ['letters', status ?? 'all'],
    queryFn: () => apiFetch<{ items: LetterSummary[] }>(`/api/letters${status ? `?status=${status}` : ''}`),
  });
}

/** One letter: its members, delivery events and what its run suppressed. */
export function useLetter(letterId: string) {
  return useQuery({
    queryKey: ['letter', letterId],
    queryFn: () => apiFetch<LetterDetail>(`/api/letters/${encodeURIComponent(letterId)}`),
  });
}

/** Lock-ins, optionally in one state. */
export function useLockIns(state?: LockInState) {
  return useQuery({
    queryKey: ['lock-ins', state ?? 'all'],
    queryFn: () => apiFetch<{ items: LockIn[] }>(`/api/lock-ins${state ? `?state=${state}` : ''}`),
  });
}

/** One lock-in with its history. */
export function useLockIn(lockInId: string) {
  return useQuery({
    queryKey: ['lock-in', lockInId],
    queryFn: () =>
      apiFetch<{ lockIn: LockIn; events: LockInEvent[] }>(`/api/lock-ins/${encodeURIComponent(lockInId)}`),
  });
}
