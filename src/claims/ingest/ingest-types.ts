/** What happened to one input file. */
export interface FileSummary {
  file: string;
  format: string;
  /** loaded: committed; skipped: this content was loaded before; rejected: the whole file is unusable. */
  status: 'loaded' | 'skipped' | 'rejected';
  batchId: string | null;
  rowsRead: number;
  members: number;
  enrollments: number;
  providers: number;
  loaded: number;
  replaced: number;
  reversed: number;
  unchanged: number;
  rejected: number;
  ignored: Record<string, number>;
  seconds: number;
  /** Of `seconds`: streaming, validating and staging rows; the rest merges them in SQL. */
  readSeconds: number;
  /** Who parsed the file: DuckDB's CSV reader (the fast path) or the JS readers. */
  parser: 'duckdb' | 'js';
}

/** The result of one ingest run over many files. */
export interface IngestSummary {
  files: FileSummary[];
  totals: Pick<
    FileSummary,
    | 'rowsRead'
    | 'members'
    | 'enrollments'
    | 'providers'
    | 'loaded'
    | 'replaced'
    | 'reversed'
    | 'unchanged'
    | 'rejected'
  > & { skipped: number; filesRejected: number };
  part2Labels: { medical: number; pharmacy: number };
  seconds: number;
}

/** Progress events a caller (the CLI's bar, a benchmark) may follow. */
export interface IngestListener {
  fileStarted?(file: string, index: number, count: number): void;
  rowsRead?(file: string, rows: number): void;
  fileFinished?(summary: FileSummary): void;
}

/** Builds an empty file summary. */
export function emptyFileSummary(file: string, format: string, status: FileSummary['status']): FileSummary {
  return {
    file,
    format,
    status,
    batchId: null,
    rowsRead: 0,
    members: 0,
    enrollments: 0,
    providers: 0,
    loaded: 0,
    replaced: 0,
    reversed: 0,
    unchanged: 0,
    rejected: 0,
    ignored: {},
    seconds: 0,
    readSeconds: 0,
    parser: 'js',
  };
}
