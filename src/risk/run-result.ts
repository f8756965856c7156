import type { RunHeader } from './candidate-disposer.ts';
import type { Candidate, Disposition } from './risk-types.ts';

/** A candidate with what the operational store decided about it (RISK-RULES §7). */
export interface WorklistEntry extends Candidate {
  disposition: Disposition;
  dispositionReason?: string;
}

/** One identification run: its header, counts and worklist. */
export interface IdentifyResult extends RunHeader {
  configHash: string;
  startedAt: string;
  durationMs: number;
  dispositionSource: 'operational-store' | 'none';
  counts: { membersEvaluated: number; eligible: number; candidates: number } & Record<Disposition, number>;
  members: WorklistEntry[];
}
