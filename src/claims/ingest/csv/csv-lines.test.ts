import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLinesAt } from './csv-lines.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-lines-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let files = 0;

const read = async (text: string, wanted: number[], maxChars?: number) => {
  const file = path.join(dir, `f${++files}.csv`);
  fs.writeFileSync(file, text);
  const out: Array<[number, string]> = [];
  await readLinesAt(file, wanted, (line, t) => out.push([line, t]), maxChars);
  return out;
};

describe('readLinesAt', () => {
  it('returns the asked lines without their line breaks, CRLF or LF, the last line with or without one', async () => {
    expect(await read('h\r\na,1\r\nb,2\r\nc,3', [2, 4])).toEqual([
      [2, 'a,1'],
      [4, 'c,3'],
    ]);
    expect(await read('h\na\nb\n', [1, 3])).toEqual([
      [1, 'h'],
      [3, 'b'],
    ]);
  });

  it('finds lines that cross the 1 MiB chunks it reads, keeps UTF-8 whole and cuts long lines', async () => {
    const long = `${'x'.repeat(1_500_000)},é`;
    const text = `h\n${long}\nafter,ü\n`;
    const out = await read(text, [2, 3], 2000);
    expect(out[0]?.[1]).toBe('x'.repeat(2000));
    expect(out[1]).toEqual([3, 'after,ü']);
    const tail = await read(`h\n${'y'.repeat(1_048_574)}\nz,é`, [3]);
    expect(tail).toEqual([[3, 'z,é']]);
  });

  it('returns nothing for lines past the end', async () => {
    expect(await read('h\na\n', [5])).toEqual([]);
  });
});
