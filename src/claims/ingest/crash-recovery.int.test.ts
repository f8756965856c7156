import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Row } from '../../platform/warehouse/warehouse.ts';
import { repoRoot } from '../../testing/external.ts';
import { eligibility, fill, toCsv } from './csv-fixtures.ts';
import { snapshotWarehouse } from './warehouse-snapshot.ts';

const cli = path.join(repoRoot, 'bin', 'checkpoint.mjs');
let dir: string;
let files: string[];

/** Runs `checkpoint ingest`; with `killOn`, SIGKILLs it the moment stderr matches. */
function runIngest(
  dataDir: string,
  killOn?: RegExp,
): Promise<{ code: number | null; killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '--data-dir', dataDir, 'ingest', ...files], {
      env: { ...process.env, CHECKPOINT_PROGRESS_MS: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (killOn && !killed && killOn.test(stderr)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, killed, stderr }));
  });
}

async function snapshotOf(dataDir: string): Promise<Record<string, Row[]>> {
  const wh = await openDuckDbWarehouse(path.join(dataDir, 'warehouse.duckdb'));
  try {
    const batches = await wh.all(
      'select file_path, format, rows_read, loaded, rejected from load_batch order by file_path',
    );
    const rejected = await wh.all('select file_path, line, field, reason from rejected_row order by all');
    return { ...(await snapshotWarehouse(wh)), batches, rejected };
  } finally {
    await wh.close();
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-crash-'));
  const people = Array.from({ length: 200 }, (_, i) => eligibility(`p${i}`));
  const fills = Array.from({ length: 30_000 }, (_, i) =>
    fill(`R${i}`, `p${i % 200}`, i % 10_000 === 7 ? { days_supply: 0 } : { quantity: 1 + (i % 90) }),
  );
  files = [path.join(dir, 'eligibility.csv'), path.join(dir, 'pharmacy.csv')];
  fs.writeFileSync(files[0]!, toCsv('eligibility', people));
  fs.writeFileSync(files[1]!, toCsv('pharmacy_claim', fills));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a crash mid-file', { timeout: 240_000 }, () => {
  it('leaves nothing of the file behind, and a rerun holds exactly what one clean load holds', async () => {
    const crashed = path.join(dir, 'crashed');
    const first = await runIngest(crashed, /pharmacy\.csv: \d+ rows read/);
    expect(first.killed).toBe(true);
    expect(first.code).toBeNull();
    const afterCrash = await snapshotOf(crashed);
    expect(afterCrash.member).toHaveLength(200);
    expect(afterCrash.pharmacy_claim).toHaveLength(0);
    expect(afterCrash.batches).toHaveLength(1);

    const rerun = await runIngest(crashed);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(/skipped .*eligibility\.csv: already loaded/);
    const clean = path.join(dir, 'clean');
    expect((await runIngest(clean)).code).toBe(0);

    const recovered = await snapshotOf(crashed);
    expect(recovered.pharmacy_claim).toHaveLength(29_997);
    expect(recovered.rejected).toHaveLength(3);
    expect(recovered).toEqual(await snapshotOf(clean));
  });
});
