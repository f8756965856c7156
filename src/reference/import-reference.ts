import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../platform/errors.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { detectCdcLayout } from './cdc-ndc-layout.ts';
import { classifyCdcRow } from './classify-cdc-row.ts';
import { classifyOmtkRow, omtkColumns, type RxnormDrugIngredient } from './classify-omtk-row.ts';
import { upsertDrugs, upsertRxnormDrugs } from './drug-store.ts';
import { countInto, type ImportSummary, type RowOutcome } from './import-result.ts';
import { loadBuiltinReference } from './load-builtin-reference.ts';
import { type CsvRecord, readCsvRecords } from './read-csv-records.ts';

export const referenceFormats = ['cdc-ndc', 'omtk'] as const;
export type ReferenceFormat = (typeof referenceFormats)[number];

/** The format a header says: OMTK tables have `drug_rxcui`; anything else is read as a CDC sheet. */
export function detectReferenceFormat(header: readonly string[]): ReferenceFormat {
  return header.includes('drug_rxcui') ? 'omtk' : 'cdc-ndc';
}

/**
 * Imports one reference file: validates every row, stores the good ones in one
 * transaction (replacing rows with the same key, so importing again changes
 * nothing) and returns a summary with each rejected row's line, field and reason.
 * Without a format, the header decides.
 */
export async function importReferenceFile(
  warehouse: Warehouse,
  filePath: string,
  requested?: ReferenceFormat,
): Promise<ImportSummary> {
  const csv = await readCsvRecords(filePath);
  const format = requested ?? detectReferenceFormat(csv.header);
  const summary: ImportSummary = {
    file: filePath,
    format,
    layout: format === 'omtk' ? 'omtk' : '',
    rowsRead: 0,
    loaded: 0,
    byClass: {},
    skipped: {},
    rejected: [],
  };
  const reject = (line: number, field: string, reason: string): void => {
    summary.rejected.push({ file: filePath, line, field, reason });
  };
  await loadBuiltinReference(warehouse);
  if (format === 'cdc-ndc') {
    const header = detectCdcLayout(filePath, csv.header);
    summary.layout = header.layout;
    const drugs = await collect(csv.records, summary, reject, (r) => classifyCdcRow(header, r.cells), {
      keyOf: (d) => d.ndc,
      merge: (first) => ({ field: header.columns.ndc ?? 'NDC', reason: `duplicate NDC ${first.ndc}` }),
    });
    await warehouse.transaction(async (tx) => {
      await upsertDrugs(tx, drugs, 'replace');
      await recordImport(tx, summary);
    });
  } else {
    const missing = omtkColumns.filter((c) => !csv.header.includes(c));
    if (missing.length > 0)
      throw new AppError(
        'unprocessable',
        `${filePath} is not an OMTK drug-ingredient table`,
        missing.map((c) => ({ path: `${filePath}:1`, message: `missing column ${c}` })),
      );
    const rows = await collect(csv.records, summary, reject, (r) => classifyOmtkRow(r.cells), {
      keyOf: (d) => `${d.rxcui}|${d.ingredientRxcui}`,
      merge: mergeSalts,
    });
    await warehouse.transaction(async (tx) => {
      await upsertRxnormDrugs(tx, rows);
      await recordImport(tx, summary);
    });
  }
  return summary;
}

interface Dedup<T> {
  keyOf(value: T): string;
  /** Merges a second row with the same key into the first, or says why it is rejected. */
  merge(first: T, second: T): T | { field: string; reason: string };
}

async function collect<T extends { drugClass: string }>(
  records: AsyncIterable<CsvRecord>,
  summary: ImportSummary,
  reject: (line: number, field: string, reason: string) => void,
  classify: (record: CsvRecord) => RowOutcome<T>,
  dedup: Dedup<T>,
): Promise<T[]> {
  const byKey = new Map<string, T>();
  for await (const record of records) {
    summary.rowsRead++;
    const outcome = classify(record);
    if (outcome.kind === 'skipped') countInto(summary.skipped, outcome.reason);
    else if (outcome.kind === 'rejected') reject(record.line, outcome.field, outcome.reason);
    else {
      const key = dedup.keyOf(outcome.value);
      const first = byKey.get(key);
      if (first === undefined) {
        byKey.set(key, outcome.value);
        continue;
      }
      const merged = dedup.merge(first, outcome.value);
      if ('reason' in merged) reject(record.line, merged.field, merged.reason);
      else byKey.set(key, merged);
    }
  }
  const values = [...byKey.values()];
  summary.loaded = values.length;
  for (const v of values) countInto(summary.byClass, v.drugClass);
  return values;
}

/**
 * RxNorm lists some drugs with two salts of one ingredient (oxycodone HCl 4.5 mg
 * + oxycodone terephthalate 0.38 mg): same unit, so the strengths add up. A
 * second strength in another unit (butorphanol 10 MG/ML and 1 MG/ACTUAT) says
 * the same thing again; the first is kept.
 */
function mergeSalts(
  first: RxnormDrugIngredient,
  second: RxnormDrugIngredient,
): RxnormDrugIngredient | { field: string; reason: string } {
  if (first.unit === second.unit)
    return { ...first, strength: Number((first.strength + second.strength).toPrecision(12)) };
  return {
    field: 'strength_unit',
    reason: `second strength of ${first.ingredient} in ${second.unit}; kept ${first.strength} ${first.unit}`,
  };
}

async function recordImport(warehouse: Warehouse, summary: ImportSummary): Promise<void> {
  const hash = createHash('sha256').update(fs.readFileSync(summary.file)).digest('hex');
  // The same bytes imported again change no row; the log keeps their latest import only.
  await warehouse.run('delete from reference_import where file_hash = $1', [hash]);
  await warehouse.run(
    `insert into reference_import (file_path, file_hash, format, layout, imported_at, rows_read, loaded, rejected)
     values ($1, $2, $3, $4, current_timestamp, $5, $6, $7)`,
    [
      summary.file,
      hash,
      summary.format,
      summary.layout,
      summary.rowsRead,
      summary.loaded,
      summary.rejected.length,
    ],
  );
}
