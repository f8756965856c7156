import type { Stager } from './staging.ts';

/** Where a source puts what it reads: staged rows, rejected rows, and progress. */
export interface RowSink {
  stager: Stager;
  /** Records one rejected row (file, line, field, reason; the raw text cut to 2,000 characters). */
  reject(line: number, field: string, reason: string, raw: string | null): void;
  /** Counts one input row read. */
  read(): void;
  /** Counts a resource a Bundle holds that Checkpoint does not load (Encounter, Observation, …). */
  ignore(resourceType: string): void;
}
