import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { patient, pharmacyEob, toNdjson } from '../claims/ingest/fhir-fixtures.ts';
import { repoRoot } from '../testing/external.ts';

const cli = path.join(repoRoot, 'bin', 'checkpoint.mjs');
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('checkpoint ingest', { timeout: 120_000 }, () => {
  it('prints the summary, writes rejected rows as JSON lines and exits 1 under --strict', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-'));
    try {
      const file = path.join(dir, 'claims.ndjson');
      fs.writeFileSync(file, `${toNdjson([patient('p1'), pharmacyEob('a', 'p1')])}not json\n`);
      const rejects = path.join(dir, 'rejects.jsonl');
      const result = run([
        '--data-dir',
        path.join(dir, 'data'),
        'ingest',
        file,
        '--rejects',
        rejects,
        '--strict',
      ]);
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/loaded +1 claim versions \(1 members/);
      expect(result.stdout).toMatch(/rejected +1 rows/);
      expect(
        fs
          .readFileSync(rejects, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ).toEqual([
        { file, line: 3, field: '(line)', reason: expect.stringMatching(/^malformed JSON/), raw: 'not json' },
      ]);
      expect(result.stdout).not.toMatch(/M-p1/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 when no path is given', () => {
    expect(run(['ingest']).status).toBe(2);
  });
});
