import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProgram } from './program.ts';
import { captureCli } from './testing/capture-cli.ts';

describe('checkpoint generate', () => {
  const cli = captureCli('checkpoint-generate-cli-');

  const run = (...args: string[]) => runProgram(['node', 'checkpoint', 'generate', ...args]);

  it('writes the CSV files and prints counts and the bad rows it wrote', async () => {
    await run(
      '--members',
      '40',
      '--seed',
      '9',
      '--out',
      cli.dir,
      '--format',
      'csv',
      '--as-of',
      '2026-06-30',
      '--bad-rows',
    );
    expect(process.exitCode).toBe(0);
    expect(fs.readdirSync(cli.dir).sort()).toEqual([
      'eligibility.csv',
      'medical_claim.csv',
      'pharmacy_claim.csv',
    ]);
    const text = cli.stdout();
    expect(text).toMatch(/generated 40 members \(csv, seed 9, 2024-07-01\.\.2026-06-30/);
    expect(text).toMatch(/bad rows: .*pharmacy_claim\.csv:\d+ negative-quantity/);
  });

  it('writes FHIR by default and no member data to stdout', async () => {
    await run('--members', '30', '--seed', '9', '--out', cli.dir, '--as-of', '2026-06-30');
    expect(fs.readdirSync(cli.dir).sort()).toEqual([
      'Coverage.ndjson',
      'ExplanationOfBenefit.ndjson',
      'Organization.ndjson',
      'Patient.ndjson',
      'Practitioner.ndjson',
    ]);
    expect(cli.stdout()).not.toMatch(/M000000\d\d|P000000\d\d/);
  });

  it('exits 2 with a named option on bad usage', async () => {
    await run('--members', '0', '--seed', '9', '--out', cli.dir, '--as-of', '2026-02-30');
    expect(process.exitCode).toBe(2);
    const text = cli.stderr();
    expect(text).toMatch(/--members/);
    expect(text).toMatch(/--as-of: a real calendar date/);
  });
});
