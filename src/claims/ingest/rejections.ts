import fs from 'node:fs';
import { csvField } from '../../platform/csv/csv-field.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import type { Rejection } from './row-error.ts';

/** The rejected rows recorded for these load batches, in file and line order. */
export async function listRejections(
  warehouse: Warehouse,
  batchIds: readonly string[],
): Promise<Rejection[]> {
  if (batchIds.length === 0) return [];
  const rows = await warehouse.all<{
    file_path: string;
    line: number;
    field: string;
    reason: string;
    raw: string | null;
  }>(
    `select file_path, line, field, reason, raw from rejected_row
     where batch_id in (select unnest($1::varchar[])) order by file_path, line, field`,
    [`[${batchIds.map((id) => `"${id}"`).join(',')}]`],
  );
  return rows.map((r) => ({ file: r.file_path, line: r.line, field: r.field, reason: r.reason, raw: r.raw }));
}

/** Writes rejections as JSON lines (a .jsonl/.ndjson/.json file) or else as CSV with a header. */
export function writeRejections(filePath: string, rejections: readonly Rejection[]): void {
  const asJson = /\.(jsonl|ndjson|json)$/i.test(filePath);
  const text = asJson
    ? rejections.map((r) => JSON.stringify(r)).join('\n')
    : [
        'file,line,field,reason,raw',
        ...rejections.map((r) => [r.file, r.line, r.field, r.reason, r.raw ?? ''].map(csvField).join(',')),
      ].join('\n');
  fs.writeFileSync(filePath, rejections.length > 0 || !asJson ? `${text}\n` : '');
}
