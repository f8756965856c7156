import type { RowSink } from '../row-sink.ts';
import { type StagingTable, stagingTables } from '../staging.ts';
import { stageNdjsonLine } from './ndjson-line.ts';

/** What reading one block of whole NDJSON lines gave: rows in column order, line numbers from 1. */
export interface BlockResult {
  seq: number;
  /** Lines in the block, blank ones included: the next block's lines are numbered after them. */
  lines: number;
  reads: number;
  ignored: Record<string, number>;
  /** Staged rows (first value: the line, relative to the block) and rejections (`stg_rejected`). */
  rows: Array<[StagingTable, unknown[]]>;
}

const columns = Object.fromEntries(
  Object.entries(stagingTables).map(([table, cols]) => [table, Object.keys(cols)]),
) as Record<StagingTable, string[]>;

/**
 * Reads a block of whole lines (split as `readline` splits them: CRLF, LF or a lone CR) the
 * way `readNdjson` reads a file, collecting what it stages instead of appending it.
 */
export function readNdjsonBlock(seq: number, bytes: Uint8Array): BlockResult {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  const result: BlockResult = { seq, lines: lines.length, reads: 0, ignored: {}, rows: [] };
  const sink: RowSink = {
    stager: {
      add(table, row) {
        const values = row as Record<string, unknown>;
        result.rows.push([table, columns[table].map((c) => values[c] ?? null)]);
      },
      addValues(table, values) {
        result.rows.push([table, [...values]]);
      },
      close() {},
    },
    reject(line, field, reason, raw) {
      result.rows.push(['stg_rejected', [line, field, reason, raw === null ? null : raw.slice(0, 2000)]]);
    },
    read() {
      result.reads++;
    },
    ignore(type) {
      result.ignored[type] = (result.ignored[type] ?? 0) + 1;
    },
  };
  for (const [i, line] of lines.entries()) stageNdjsonLine(line, i + 1, sink);
  return result;
}
