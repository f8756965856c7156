import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runProgram } from './program.ts';

describe('checkpoint generate', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-generate-cli-'));
    out = [];
    err = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
    process.exitCode = 0;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = 0;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) => runProgram(['node', 'checkpoint', 'generate', ...args]);

  it('writes the CSV files and prints counts and the bad rows it wrote', async () => {
    await run(
      '--members',
      '40',
      '--seed',
      '9',
      '--out',
      dir,
      '--format',
      'csv',
      '--as-of',
      '2026-06-30',
      '--bad-rows',
    );
    expect(process.exitCode).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'eligibility.csv',
      'medical_claim.csv',
      'pharmacy_claim.csv',
    ]);
    const text = out.join('');
    expect(text).toMatch(/generated 40 members \(csv, seed 9, 2024-07-01\.\.2026-06-30/);
    expect(text).toMatch(/bad rows: .*pharmacy_claim\.csv:\d+ negative-quantity/);
  });

  it('writes FHIR by default and no member data to stdout', async () => {
    await run('--members', '30', '--seed', '9', '--out', dir, '--as-of', '2026-06-30');
    expect(fs.readdirSync(dir).sort()).toEqual([
      'Coverage.ndjson',
      'ExplanationOfBenefit.ndjson',
      'Organization.ndjson',
      'Patient.ndjson',
      'Practitioner.ndjson',
    ]);
    expect(out.join('')).not.toMatch(/M000000\d\d|P000000\d\d/);
  });

  it('exits 2 with a named option on bad usage', async () => {
    await run('--members', '0', '--seed', '9', '--out', dir, '--as-of', '2026-02-30');
    expect(process.exitCode).toBe(2);
    const text = err.join('');
    expect(text).toMatch(/--members/);
    expect(text).toMatch(/--as-of: a real calendar date/);
  });
});
