import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePopulation } from '../../../synth/generate-population.ts';
import { loadAndSnapshot } from '../testing/load-snapshot.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ndjson-readers-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Loads the files with NDJSON read on this thread (0 workers) or by workers in small blocks. */
const loadWith = (workers: number, files: string[]) =>
  loadAndSnapshot(files, { ndjson: { workers, blockBytes: 2048 } });

describe('the two NDJSON readers (this thread, worker threads)', () => {
  it('give the same warehouse, rejections and counts for a generated population with bad rows', async () => {
    const dir = path.join(root, 'generated');
    generatePopulation({
      members: 120,
      seed: 11,
      outDir: dir,
      format: 'fhir',
      asOf: '2026-06-30',
      badRows: true,
    });
    const paths = fs.readdirSync(dir).map((f) => path.join(dir, f));
    const threaded = await loadWith(2, paths);
    const single = await loadWith(0, paths);
    expect(threaded.rejections).toEqual(single.rejections);
    expect(threaded.snapshot).toEqual(single.snapshot);
    expect(threaded.totals).toEqual(single.totals);
    expect(threaded.files).toEqual(single.files);
    expect(single.totals.rejected).toBeGreaterThan(0);
    expect(single.totals.loaded).toBeGreaterThan(100);
  });

  it('number lines alike across blank lines, CRLF, a lone CR, a byte-order mark, long lines and UTF-8', async () => {
    const dir = path.join(root, 'odd');
    fs.mkdirSync(dir);
    const patient = (id: string, family: string) =>
      JSON.stringify({
        resourceType: 'Patient',
        id,
        name: [{ family, given: ['Ana'] }],
        birthDate: '1980-01-02',
      });
    const lines = [
      patient('p1', 'Núñez'),
      '',
      patient('p2', 'x'.repeat(5000)),
      '{"resourceType": "Patient", "id": ',
      patient('p3', '李'),
      '[1, 2]',
      '   ',
      JSON.stringify({ resourceType: 'Observation', id: 'o1' }),
    ];
    const files = {
      'lf.ndjson': `${Array.from({ length: 20 }, () => lines.join('\n')).join('\n')}\n`,
      'crlf.ndjson': Array.from({ length: 20 }, () => lines.join('\r\n')).join('\r\n'),
      'cr.ndjson': `\uFEFF${lines.join('\n')}\r${lines.join('\r')}\n${lines.join('\n').repeat(10)}`,
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const paths = Object.keys(files).map((f) => path.join(dir, f));
    const threaded = await loadWith(2, paths);
    const single = await loadWith(0, paths);
    expect(threaded.rejections).toEqual(single.rejections);
    expect(threaded.snapshot).toEqual(single.snapshot);
    expect(threaded.files).toEqual(single.files);
    // 20 copies of a malformed line, an array and an unknown type in each file's last copy at least.
    expect(single.rejections.filter((r) => r.file === 'lf.ndjson').map((r) => r.line)).toContain(156);
  });
});
