import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, readCsvRecords } from './csv-records.ts';

async function readAll(text: string): Promise<CsvRecord[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'csv-')), 'x.csv');
  fs.writeFileSync(file, text);
  const out: CsvRecord[] = [];
  for await (const r of readCsvRecords(file)) out.push(r);
  fs.rmSync(path.dirname(file), { recursive: true });
  return out;
}

const quote = (cell: string): string => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

describe('reading CSV records', () => {
  it('reads quoted fields, doubled quotes and newlines inside quotes, numbering records by their first line', async () => {
    expect(await readAll('\uFEFFa,b\n"x, y","say ""hi"""\n"two\nlines",z\n\nlast,\n')).toEqual([
      { line: 1, cells: ['a', 'b'], text: 'a,b' },
      { line: 2, cells: ['x, y', 'say "hi"'], text: '"x, y","say ""hi"""' },
      { line: 3, cells: ['two\nlines', 'z'], text: '"two\nlines",z' },
      { line: 6, cells: ['last', ''], text: 'last,' },
    ]);
  });

  it('reports an unterminated quoted field at the end of the file', async () => {
    expect(await readAll('a,b\n"open,b\n')).toEqual([
      { line: 1, cells: ['a', 'b'], text: 'a,b' },
      { line: 2, error: 'unterminated quoted field at end of file' },
    ]);
  });

  it('agrees with csv-parse on any well-formed file', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', '1'), maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
        async (rows) => {
          // A record that is one empty cell is a blank line, which both readers skip; keep two cells.
          const text = `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`;
          const expected = parse(text, { relax_column_count: true, relax_quotes: true }) as string[][];
          const actual = (await readAll(text)).map((r) => ('cells' in r ? r.cells : []));
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
