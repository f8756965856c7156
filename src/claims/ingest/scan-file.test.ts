import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { requiredColumns } from './csv/csv-layouts.ts';
import { scanFile, sniffFile } from './sniff-file.ts';

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

  it('counts a gzip file’s content lines and hashes its stored bytes', async () => {
    const file = path.join(dir, 'g.gz');
    const stored = gzipSync('a\nb\nc');
    fs.writeFileSync(file, stored);
    const scanned = await scanFile(file);
    expect(scanned.lines).toBe(3);
    expect(scanned.hash).toBe(createHash('sha256').update(stored).digest('hex'));
  });

  it('hashes the bytes (sha256)', async () => {
    const file = path.join(dir, 'h');
    fs.writeFileSync(file, 'abc');
    expect((await scanFile(file)).hash).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('sniffing a file’s format', () => {
  const sniff = (text: string) => {
    const file = path.join(dir, `s${Math.random()}`);
    fs.writeFileSync(file, text);
    return sniffFile(file);
  };

  it('names a Synthea CSV export as such, and any other unknown CSV plainly', () => {
    const synthea = {
      format: 'rejected',
      field: '(header)',
      reason: expect.stringMatching(/^a Synthea CSV export/),
    };
    expect(sniff('Id,BIRTHDATE,DEATHDATE,SSN\nabc,1990-07-09,,999-1\n')).toMatchObject(synthea);
    expect(sniff('START,STOP,PATIENT,ENCOUNTER,CODE\n2020-01-01,,p1,e1,55680006\n')).toMatchObject(synthea);
    expect(sniff('Id,NAME,ADDRESS,CITY\n')).toMatchObject(synthea);
    expect(sniff('a,b,c\n1,2,3\n')).toMatchObject({ reason: expect.stringMatching(/no known CSV header/) });
    expect(sniff('Id,name,patient\n')).toMatchObject({
      reason: expect.stringMatching(/no known CSV header/),
    });
  });

  it('reads a gzip-compressed file by its content, whatever its name', () => {
    const file = path.join(dir, 'eligibility-no-extension');
    fs.writeFileSync(file, gzipSync(`${requiredColumns.eligibility.join(',')}\n`));
    expect(sniffFile(file)).toEqual({ format: 'csv', kind: 'eligibility' });
    const bundle = path.join(dir, 'bundle.json.gz');
    fs.writeFileSync(
      bundle,
      gzipSync(JSON.stringify({ resourceType: 'Bundle', type: 'collection' }, null, 2)),
    );
    expect(sniffFile(bundle)).toEqual({ format: 'fhir-bundle' });
  });

  it('reads a Tuva header as its layout, in any letter case, before any Synthea guess', () => {
    const header = requiredColumns.eligibility.join(',');
    expect(sniff(`${header}\n`)).toEqual({ format: 'csv', kind: 'eligibility' });
    expect(sniff(`${header.toUpperCase()}\n`)).toEqual({ format: 'csv', kind: 'eligibility' });
  });
});
