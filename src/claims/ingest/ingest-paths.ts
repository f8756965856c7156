import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { DuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { labelSensitiveClaims } from '../part2-labels.ts';
import { ensureWarehouseSchema } from '../warehouse-schema.ts';
import { defaultNdjsonReading, type NdjsonReading } from './fhir/ndjson-source.ts';
import {
  emptyFileSummary,
  type FileSummary,
  type IngestListener,
  type IngestSummary,
} from './ingest-types.ts';
import { type FileReading, loadFile } from './load-file.ts';
import { type Sniffed, scanFile, sniffFile } from './sniff-file.ts';

/**
 * Loads files and folders into the warehouse and labels Part 2 claims at the end.
 * Files load members first: eligibility CSVs, Bundles and NDJSON files that open with a
 * Patient; then Coverage, Practitioner and Organization files; then claims — so a claim or
 * coverage file named before its members' file in the same run still finds its members (a
 * file mixing types merges its own members before its own claims). Within a rank,
 * files load in path order.
 */
export async function ingestPaths(
  warehouse: Warehouse,
  paths: readonly string[],
  listener: IngestListener = {},
  options: IngestOptions = {},
): Promise<IngestSummary> {
  if (!(warehouse instanceof DuckDbWarehouse))
    throw new AppError('bad_request', 'Ingest writes through the DuckDB appender: use a duckdb: warehouse.');
  await ensureWarehouseSchema(warehouse);
  // A file's staged rows live in DuckDB until its commit; a memory limit makes DuckDB spill
  // them to its temp directory instead of growing with the file. The caller's limit returns after.
  const [previous] = await warehouse.all<{ limit: string }>(
    `select current_setting('memory_limit') as "limit"`,
  );
  await warehouse.run(`set memory_limit = '${memoryLimitSchema.parse(options.memoryLimit ?? '1GB')}'`);
  try {
    return await ingestFiles(warehouse, paths, listener, {
      csvReader: options.csvReader ?? 'duckdb',
      ndjson: { ...defaultNdjsonReading, ...options.ndjson },
    });
  } finally {
    if (previous)
      await warehouse.run(
        `set memory_limit = '${memoryLimitSchema.parse(previous.limit.replace(/\s+/g, ''))}'`,
      );
  }
}

/** How ingest runs. */
export interface IngestOptions {
  /** DuckDB memory limit while loading, e.g. '1GB' (default): memory stays flat as files grow. */
  memoryLimit?: string;
  /**
   * Who parses CSV files: 'duckdb' (default) lets DuckDB's reader parse a file whose records
   * are one line each and checks the rows in SQL, falling back to the JS reader for any other
   * file; 'js' always uses the JS reader. Both give the same rows and the same rejections.
   */
  csvReader?: 'duckdb' | 'js';
  /**
   * How NDJSON files are read: by `workers` worker threads (default: the cores, at most 4;
   * 0 reads on this thread) in blocks of `blockBytes` (4 MiB). Files under four blocks are
   * read on this thread. Either way gives the same rows and the same rejections.
   */
  ndjson?: Partial<NdjsonReading>;
}

// Spliced into SET (which takes no parameters), so only a plain size is accepted.
const memoryLimitSchema = z.string().regex(/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i);

async function ingestFiles(
  warehouse: DuckDbWarehouse,
  paths: readonly string[],
  listener: IngestListener,
  reading: FileReading,
): Promise<IngestSummary> {
  const started = Date.now();
  const files = expandPaths(paths)
    .map((file) => ({ file, sniffed: sniffFile(file) }))
    .sort((a, b) => loadRank(a.sniffed) - loadRank(b.sniffed) || a.file.localeCompare(b.file));
  const summaries: FileSummary[] = [];
  for (const [index, { file, sniffed }] of files.entries()) {
    listener.fileStarted?.(file, index, files.length);
    const { hash, lines } = await scanFile(file);
    const previous = await warehouse.all<{ batch_id: string; format: string }>(
      'select batch_id, format from load_batch where file_hash = $1',
      [hash],
    );
    let summary: FileSummary;
    if (previous[0]) {
      summary = emptyFileSummary(file, previous[0].format, 'skipped');
      summary.batchId = previous[0].batch_id;
    } else if (sniffed.format === 'rejected') {
      summary = await recordRejectedFile(warehouse, file, hash, sniffed);
    } else {
      summary = await loadFile(warehouse, { path: file, hash, lines, sniffed }, listener, reading);
    }
    listener.fileFinished?.(summary);
    summaries.push(summary);
  }
  const part2Labels = await labelSensitiveClaims(warehouse);
  return {
    files: summaries,
    totals: totalOf(summaries),
    part2Labels,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Every regular file a path names: the file itself, or a folder's files (recursively, hidden ones left out). */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new AppError('not_found', `No such file or folder: ${p}`);
    if (fs.statSync(p).isDirectory()) {
      const names = fs
        .readdirSync(p)
        .filter((n) => !n.startsWith('.'))
        .sort();
      out.push(...expandPaths(names.map((n) => path.join(p, n))));
    } else out.push(p);
  }
  return out;
}

function loadRank(sniffed: Sniffed): number {
  if (sniffed.format === 'fhir-bundle') return 0;
  if (sniffed.format === 'csv') return sniffed.kind === 'eligibility' ? 0 : 2;
  if (sniffed.format === 'fhir-ndjson') {
    if (sniffed.firstType === 'Patient') return 0;
    if (['Coverage', 'Practitioner', 'Organization'].includes(sniffed.firstType ?? '')) return 1;
    return 2;
  }
  return 3;
}

async function recordRejectedFile(
  warehouse: DuckDbWarehouse,
  file: string,
  hash: string,
  sniffed: Extract<Sniffed, { format: 'rejected' }>,
): Promise<FileSummary> {
  const batchId = randomUUID();
  await warehouse.transaction(async (tx) => {
    await tx.run(
      `insert into load_batch (batch_id, seq, file_path, file_hash, format, started_at, finished_at, rejected)
       select $1, coalesce(max(seq), 0) + 1, $2, $3, 'rejected', now(), now(), 1 from load_batch`,
      [batchId, file, hash],
    );
    await tx.run(
      `insert into rejected_row (batch_id, file_path, line, field, reason, raw) values ($1, $2, 0, $3, $4, null)`,
      [batchId, file, sniffed.field, sniffed.reason],
    );
  });
  const summary = emptyFileSummary(file, 'rejected', 'rejected');
  summary.batchId = batchId;
  summary.rejected = 1;
  return summary;
}

function totalOf(files: FileSummary[]): IngestSummary['totals'] {
  const totals: IngestSummary['totals'] = {
    rowsRead: 0,
    members: 0,
    enrollments: 0,
    providers: 0,
    loaded: 0,
    replaced: 0,
    reversed: 0,
    unchanged: 0,
    rejected: 0,
    skipped: 0,
    filesRejected: 0,
  };
  for (const f of files) {
    for (const key of [
      'rowsRead',
      'members',
      'enrollments',
      'providers',
      'loaded',
      'replaced',
      'reversed',
      'unchanged',
      'rejected',
    ] as const)
      totals[key] += f[key];
    if (f.status === 'skipped') totals.skipped++;
    if (f.status === 'rejected') totals.filesRejected++;
  }
  return totals;
}
