import { useQuery } from '@tanstack/react-query';
import type {
  LetterDetail,
  LetterReport,
  LetterRun,
  LetterSummary,
  PrescriberRanking,
} from '../../../src/prescribers/letters/letter-schemas.ts';
import { apiFetch } from '../api/http.ts';

/**
 * Shapes of the prescriber, letter and lock-in API (RISK-RULES §8–9): the server's own
 * response schemas' types (src/prescribers/letters/letter-schemas.ts), imported as types only.
 */
export type { LetterDetail, LetterRun, LetterSummary };
export type RankedPrescriber = PrescriberRanking['prescribers'][number];
export type RankedMember = RankedPrescriber['members'][number];
export type LetterStatus = LetterSummary['status'];
export type LetterReportRow = LetterReport['items'][number];

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

export { todayIso } from '../../../src/platform/calendar/iso-days.ts';

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
