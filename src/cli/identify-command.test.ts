import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureWarehouseSchema } from '../claims/warehouse-schema.ts';
import { openDuckDbWarehouse } from '../platform/warehouse/duckdb/duckdb-warehouse.ts';
import { ensureReferenceSchema } from '../reference/reference-schema.ts';
import { addEdVisit, addMedical, addMember, D, insertTestReference } from '../risk/test-population.ts';
import { explainCommand } from './explain-command.ts';
import { identifyCommand } from './identify-command.ts';

let dir: string;
const saved = process.env.CHECKPOINT_WAREHOUSE;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'identify-cli-'));
  const file = path.join(dir, 'warehouse.duckdb');
  const w = await openDuckDbWarehouse(file);
  await ensureWarehouseSchema(w);
  await ensureReferenceSchema(w);
  await insertTestReference(w);
  await addMember(w, { id: 'A' });
  await addMedical(w, { id: 'A-DX', member: 'A', date: '2026-01-15', dx: ['F1120'] });
  await addEdVisit(w, 'A-ED', 'A', D);
  await w.close();
  process.env.CHECKPOINT_WAREHOUSE = `duckdb:${file}`;
  process.exitCode = undefined;
});
afterEach(() => {
  if (saved === undefined) delete process.env.CHECKPOINT_WAREHOUSE;
  else process.env.CHECKPOINT_WAREHOUSE = saved;
  process.exitCode = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('checkpoint identify', () => {
  it('writes the worklist to --out in the chosen format and prints a summary', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const out = path.join(dir, 'worklist.csv');
    await identifyCommand().parseAsync(['--as-of', D, '--format', 'csv', '--out', out], { from: 'user' });
    expect(process.exitCode).toBeUndefined();
    expect(fs.readFileSync(out, 'utf8').split('\n')[1]).toBe(
      'A,NJ,50,new,2026-06-30,ED_VISIT,OUD_DIAGNOSIS,,',
    );
    expect(String(stdout.mock.calls.map((c) => c[0]).join(''))).toMatch(/1 candidates/);
  });

  it('reports every configuration error at once and exits 2', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const config = path.join(dir, 'config.json');
    fs.writeFileSync(
      config,
      JSON.stringify({ factorSet: 'x', thresholds: { highMme: -1 }, markets: ['XX'] }),
    );
    await identifyCommand().parseAsync(['--as-of', D, '--config', config], { from: 'user' });
    expect(process.exitCode).toBe(2);
    const text = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(text).toMatch(/factorSet/);
    expect(text).toMatch(/thresholds\.highMme/);
    expect(text).toMatch(/markets\.0/);
  });
});

describe('checkpoint explain', () => {
  it('prints every factor met or missed with its numbers', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await explainCommand().parseAsync(['A', '--as-of', D], { from: 'user' });
    const text = stdout.mock.calls.map((c) => String(c[0])).join('');
    expect(text).toMatch(/ON THE WORKLIST: priority 50/);
    expect(text).toMatch(/MET {4}OUD_DIAGNOSIS: claims=1/);
    expect(text).toMatch(/missed HIGH_MME: .*averageDailyMme=0 minAverageDailyMme=90/);
  });
});

describe('checkpoint identify --show', () => {
  it('writes a recorded run again, identical to what the run wrote', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const first = path.join(dir, 'first.json');
    await identifyCommand().parseAsync(['--as-of', D, '--out', first], { from: 'user' });
    const { runId } = JSON.parse(fs.readFileSync(first, 'utf8'));
    const again = path.join(dir, 'again.json');
    await identifyCommand().parseAsync(['--show', runId, '--out', again], { from: 'user' });
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(first, 'utf8'));
  });

  it('refuses both --as-of and --show', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await identifyCommand().parseAsync(['--as-of', D, '--show', 'x'], { from: 'user' });
    expect(process.exitCode).toBe(2);
  });
});
