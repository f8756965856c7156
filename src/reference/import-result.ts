/** A row the importer refused: where it is, which field, and why. */
export interface RejectedRow {
  file: string;
  line: number;
  field: string;
  reason: string;
}

/** What one row became: a product to store, a row outside Checkpoint's classes, or a reject. */
export type RowOutcome<T> =
  | { kind: 'loaded'; value: T }
  | { kind: 'skipped'; reason: string }
  | { kind: 'rejected'; field: string; reason: string };

/** The summary of one reference import. */
export interface ImportSummary {
  file: string;
  format: 'cdc-ndc' | 'omtk';
  layout: string;
  rowsRead: number;
  loaded: number;
  /** Loaded rows per drug class (opioid_analgesic, buprenorphine, …). */
  byClass: Record<string, number>;
  /** Rows of classes Checkpoint does not track (muscle relaxants, stimulants, …), per reason. */
  skipped: Record<string, number>;
  rejected: RejectedRow[];
}

/** Adds one to a counter keyed by name. */
export function countInto(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
