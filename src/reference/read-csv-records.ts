import fs from 'node:fs';
import { parse } from 'csv-parse';
import { AppError } from '../platform/errors.ts';

/** One data row of a CSV file: its 1-based line number and its cells keyed by header name. */
export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
}

export interface CsvFile {
  header: string[];
  records: AsyncIterable<CsvRecord>;
}

/**
 * Opens a CSV file for streaming: reads the header first so the caller can pick
 * a layout, then yields the data rows. An empty or binary file is an error.
 */
export async function readCsvRecords(filePath: string): Promise<CsvFile> {
  if (!fs.existsSync(filePath)) throw new AppError('not_found', `no such file: ${filePath}`);
  const head = await readHead(filePath);
  if (head.length === 0) throw new AppError('unprocessable', `${filePath} is empty`);
  if (head.includes(0)) throw new AppError('unprocessable', `${filePath} is not a text CSV file`);
  const parser = fs
    .createReadStream(filePath)
    .pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  const iterator: AsyncIterator<{ record: string[]; info: { lines: number } }> =
    parser[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new AppError('unprocessable', `${filePath} has no header`);
  const header = first.value.record.map((h) => h.trim());
  async function* records(): AsyncIterable<CsvRecord> {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const { record, info } = next.value;
      if (record.every((cell) => cell.trim() === '')) continue;
      const cells: Record<string, string> = {};
      header.forEach((name, i) => {
        cells[name] = record[i] ?? '';
      });
      yield { line: info.lines, cells };
    }
  }
  return { header, records: records() };
}

async function readHead(filePath: string): Promise<Buffer> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
