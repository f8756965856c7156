import type { Candidate, Disposition } from './risk-types.ts';

/** The run a disposer is asked about (it is recorded in the warehouse right after). */
export interface RunHeader {
  runId: string;
  asOf: string;
  ruleVersion: string;
  factorSet: string;
}

export interface DispositionDecision {
  disposition: Disposition;
  /** Why a candidate is suppressed (RISK-RULES §7: closed recently, declined). */
  reason?: string;
}

/**
 * Decides each candidate's disposition against the operational store (RISK-RULES §7)
 * — opening a case for `new`, updating the open one for `open`. Implemented by
 * `src/outreach/`; the risk engine only calls it. It must answer for every candidate.
 */
export interface CandidateDisposer {
  dispose(
    run: RunHeader,
    candidates: readonly Candidate[],
  ): Promise<ReadonlyMap<string, DispositionDecision>>;
}
