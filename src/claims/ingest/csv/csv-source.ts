import { RowError } from '../row-error.ts';
import type { RowSink } from '../row-sink.ts';
import type { CsvKind } from './csv-layouts.ts';
import { readCsvRecords } from './csv-records.ts';
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

/** Streams a Tuva input-layer CSV; a row with a bad field is rejected alone. */
export async function readCsv(filePath: string, kind: CsvKind, sink: RowSink): Promise<void> {
  let header: string[] | null = null;
  let reader: ((cells: readonly string[]) => CsvRow) | null = null;
  for await (const record of readCsvRecords(filePath)) {
    if ('error' in record) {
      if (record.field) {
        sink.reject(record.line, record.field, record.error, null);
        continue;
      }
      sink.read();
      sink.reject(record.line, '(line)', `malformed CSV: ${record.error}`, null);
      continue;
    }
    if (!header || !reader) {
      header = record.cells;
      reader = csvRowReader(record.cells);
      continue;
    }
    sink.read();
    const { line, cells, text } = record;
    if (cells.length !== header.length) {
      sink.reject(line, '(line)', `expected ${header.length} columns, got ${cells.length}`, text);
      continue;
    }
    try {
      stageRow[kind](reader(cells), line, sink);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      sink.reject(line, error.field, error.reason, text);
    }
  }
}
