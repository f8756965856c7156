import { randomUUID } from 'node:crypto';
import type { DuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import { readCsv } from './csv/csv-source.ts';
import { dropCsvRaw, fillRejectedText, readCsvRaw, stageCsvRaw } from './csv/csv-sql-source.ts';
import { stageCsvMedicalVersions } from './csv/csv-versions.ts';
import { readBundle } from './fhir/bundle-source.ts';
import { defaultNdjsonReading, type NdjsonReading, readNdjson } from './fhir/ndjson-source.ts';
import { emptyFileSummary, type FileSummary, type IngestListener } from './ingest-types.ts';
import { applyClaims, dropClaimPlans, planClaims } from './merge-claims.ts';
import { buildMemberRefs, hasStagedParties, mergeParties } from './merge-parties.ts';
import type { RowSink } from './row-sink.ts';
import type { Sniffed } from './sniff-file.ts';
import { dropStaging, openStager } from './staging.ts';

const progressEvery = 5000;
const claimKinds = ['medical', 'pharmacy'] as const;

/** How a file's rows are read: who parses CSV, and how NDJSON is spread over worker threads. */
export interface FileReading {
  csvReader: 'duckdb' | 'js';
  ndjson: NdjsonReading;
}

/**
 * Loads one file: stages its rows (temp tables only, outside any transaction), then merges
 * them and records the batch with its counts and rejected rows in one transaction. A crash
 * before the commit leaves nothing of the file behind, so a rerun loads it cleanly.
 */
export async function loadFile(
  warehouse: DuckDbWarehouse,
  file: { path: string; hash: string; lines: number; sniffed: Exclude<Sniffed, { format: 'rejected' }> },
  listener: IngestListener,
  reading: FileReading = { csvReader: 'duckdb', ndjson: defaultNdjsonReading },
): Promise<FileSummary> {
  const started = Date.now();
  const sniffed = file.sniffed;
  const format = sniffed.format === 'csv' ? `csv-${sniffed.kind.replace('_claim', '')}` : sniffed.format;
  const summary = emptyFileSummary(file.path, format, 'loaded');
  const batchId = randomUUID();
  summary.batchId = batchId;
  try {
    await stageFile(warehouse, file, listener, reading, summary);
    // A file without members or providers changes nothing its claims merge reads: its merge is
    // planned before the transaction too. Otherwise the members it brings are merged first.
    const planned = !(await hasStagedParties(warehouse));
    if (planned) {
      await buildMemberRefs(warehouse);
      for (const kind of claimKinds) await planClaims(warehouse, kind);
    }
    await warehouse.transaction(async () => {
      await warehouse.run(
        `insert into load_batch (batch_id, seq, file_path, file_hash, format, started_at)
         select $1, coalesce(max(seq), 0) + 1, $2, $3, $4, now() from load_batch`,
        [batchId, file.path, file.hash, format],
      );
      await warehouse.run(
        `insert into rejected_row (batch_id, file_path, line, field, reason, raw)
         select $1, $2, line, field, reason, raw from temp.stg_rejected`,
        [batchId, file.path],
      );
      const csv = sniffed.format === 'csv';
      const parties = planned
        ? { members: 0, providers: 0, enrollments: 0, rejected: 0 }
        : await mergeParties(warehouse, {
            batchId,
            file: file.path,
            personField: csv ? 'member_id' : 'beneficiary',
          });
      const batch = {
        batchId,
        file: file.path,
        personField: csv ? 'person_id' : 'patient',
        providerRefs: csv ? ('npi' as const) : ('npi-or-fhir-id' as const),
      };
      summary.members = parties.members;
      summary.providers = parties.providers;
      summary.enrollments = parties.enrollments;
      summary.rejected += parties.rejected;
      for (const kind of claimKinds) {
        if (!planned) await planClaims(warehouse, kind);
        const counts = await applyClaims(warehouse, kind, batch);
        summary.loaded += counts.loaded;
        summary.replaced += counts.replaced;
        summary.reversed += counts.reversed;
        summary.unchanged += counts.unchanged;
        summary.rejected += counts.rejected;
      }
      await warehouse.run(
        `update load_batch set finished_at = now(), rows_read = $2, loaded = $3, replaced = $4, reversed = $5,
           rejected = $6 where batch_id = $1`,
        [batchId, summary.rowsRead, summary.loaded, summary.replaced, summary.reversed, summary.rejected],
      );
    });
  } finally {
    if (sniffed.format === 'csv' && summary.parser === 'duckdb') await dropCsvRaw(warehouse, sniffed.kind);
    await dropClaimPlans(warehouse);
    await dropStaging(warehouse);
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/**
 * Reads, validates and stages one file's rows into the connection's temp tables, its
 * rejected rows into `temp.stg_rejected`. DuckDB parses a plain CSV itself and checks it in
 * SQL; other files stream through the JS readers.
 */
async function stageFile(
  warehouse: DuckDbWarehouse,
  file: { path: string; lines: number; sniffed: Exclude<Sniffed, { format: 'rejected' }> },
  listener: IngestListener,
  reading: FileReading,
  summary: FileSummary,
): Promise<void> {
  const started = Date.now();
  const sniffed = file.sniffed;
  const rawCsv =
    sniffed.format === 'csv' && reading.csvReader === 'duckdb'
      ? await readCsvRaw(warehouse, file, sniffed.kind, (rows) => listener.rowsRead?.(file.path, rows))
      : null;
  const stager = await openStager(warehouse);
  const sink: RowSink = {
    stager,
    reject(line, field, reason, raw) {
      summary.rejected++;
      stager.add('stg_rejected', { line, field, reason, raw: raw === null ? null : raw.slice(0, 2000) });
    },
    read() {
      summary.rowsRead++;
      if (summary.rowsRead % progressEvery === 0) listener.rowsRead?.(file.path, summary.rowsRead);
    },
    ignore(type) {
      summary.ignored[type] = (summary.ignored[type] ?? 0) + 1;
    },
  };
  try {
    if (sniffed.format === 'csv' && rawCsv) {
      summary.parser = 'duckdb';
      stager.close();
      const counts = await stageCsvRaw(warehouse, sniffed.kind, rawCsv.header);
      summary.rowsRead = counts.rowsRead;
      summary.rejected += counts.rejected;
      if (counts.rejected > 0) await fillRejectedText(warehouse, file.path);
    } else if (sniffed.format === 'csv') await readCsv(file.path, sniffed.kind, sink);
    else if (sniffed.format === 'fhir-bundle') await readBundle(file.path, sink);
    else await readNdjson(file.path, sink, reading.ndjson);
  } finally {
    if (!rawCsv) stager.close();
  }
  summary.readSeconds = (Date.now() - started) / 1000;
  listener.rowsRead?.(file.path, summary.rowsRead);
  if (sniffed.format === 'csv' && sniffed.kind === 'medical_claim') await stageCsvMedicalVersions(warehouse);
}
