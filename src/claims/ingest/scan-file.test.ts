import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanFile } from './sniff-file.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const linesOf = async (text: string | Buffer) => {
  const file = path.join(dir, `f${Math.random()}`);
  fs.writeFileSync(file, text);
  return (await scanFile(file)).lines;
};

describe('scanning a file while hashing it', () => {
  it('counts lines, with or without a last line ending, LF or CRLF', async () => {
    expect(await linesOf('')).toBe(0);
    expect(await linesOf('a\nb\n')).toBe(2);
    expect(await linesOf('a\nb')).toBe(2);
    expect(await linesOf('a\r\nb\r\n\r\n')).toBe(3);
  });

  it('counts across read chunks (1 MiB) and says -1 when a lone carriage return ends a line', async () => {
    const big = `${'x'.repeat(99)}\n`.repeat(30_000);
    expect(await linesOf(big)).toBe(30_000);
    expect(await linesOf(`${'y'.repeat((1 << 20) - 1)}\r\nz\n`)).toBe(2);
    expect(await linesOf('a\rb\n')).toBe(-1);
    expect(await linesOf('a\nb\r')).toBe(-1);
  });

  it('hashes the bytes (sha256)', async () => {
    const file = path.join(dir, 'h');
    fs.writeFileSync(file, 'abc');
    expect((await scanFile(file)).hash).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
