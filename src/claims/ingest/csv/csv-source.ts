import fs from 'node:fs';
import { parse } from 'csv-parse';
import { RowError } from '../row-error.ts';
import type { RowSink } from '../row-sink.ts';
import type { CsvKind } from './csv-layouts.ts';
import { type CsvRow, csvRowReader } from './csv-row.ts';
import { mapEligibilityRow } from './eligibility-row.ts';
import { mapMedicalClaimRow } from './medical-claim-row.ts';
import { mapPharmacyClaimRow } from './pharmacy-claim-row.ts';

const stageRow: Record<CsvKind, (row: CsvRow, line: number, sink: RowSink) => void> = {
  eligibility(row, line, sink) {
    const { member, enrollment } = mapEligibilityRow(row, line);
    sink.stager.add('stg_member', member);
    sink.stager.add('stg_enrollment', enrollment);
  },
  medical_claim(row, line, sink) {
    sink.stager.add('stg_csv_med', mapMedicalClaimRow(row, line));
  },
  pharmacy_claim(row, line, sink) {
    sink.stager.add('stg_rx', mapPharmacyClaimRow(row, line));
  },
};

/** Streams a Tuva input-layer CSV through csv-parse; a row with a bad field is rejected alone. */
export async function readCsv(filePath: string, kind: CsvKind, sink: RowSink): Promise<void> {
  const parser = fs
    .createReadStream(filePath, { highWaterMark: 1 << 20 })
    .pipe(parse({ bom: true, relax_column_count: true, skip_records_with_error: true, info: true }));
  parser.on('skip', (error: Error & { lines?: number }) => {
    sink.read();
    sink.reject(error.lines ?? 0, '(line)', `malformed CSV: ${error.message}`, null);
  });
  let header: string[] | null = null;
  let reader: ((cells: readonly string[]) => CsvRow) | null = null;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    if (!header || !reader) {
      header = record;
      reader = csvRowReader(record);
      continue;
    }
    sink.read();
    const line = info.lines;
    if (record.length !== header.length) {
      sink.reject(
        line,
        '(line)',
        `expected ${header.length} columns, got ${record.length}`,
        record.join(','),
      );
      continue;
    }
    try {
      stageRow[kind](reader(record), line, sink);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      sink.reject(line, error.field, error.reason, record.join(','));
    }
  }
}
