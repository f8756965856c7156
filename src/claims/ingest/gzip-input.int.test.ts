import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import { generatePopulation } from '../../synth/generate-population.ts';
import { ingestPaths } from './ingest-paths.ts';
import { loadAndSnapshot } from './testing/load-snapshot.ts';

// One generated population per format, stored plain and gzip-compressed side by side.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gzip-input-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const files = (dir: string) =>
  fs
    .readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));

function generate(format: 'csv' | 'fhir'): { plain: string[]; gzipped: string[] } {
  const plainDir = path.join(root, format, 'plain');
  const gzipDir = path.join(root, format, 'gzip');
  generatePopulation({ members: 150, seed: 5, outDir: plainDir, format, asOf: '2026-06-30', badRows: true });
  fs.mkdirSync(gzipDir, { recursive: true });
  for (const file of files(plainDir))
    fs.writeFileSync(path.join(gzipDir, `${path.basename(file)}.gz`), gzipSync(fs.readFileSync(file)));
  return { plain: files(plainDir), gzipped: files(gzipDir) };
}

/** What two loads must agree on, with `.gz` taken off the file names. */
const comparable = (loaded: Awaited<ReturnType<typeof loadAndSnapshot>>) => ({
  ...loaded,
  rejections: loaded.rejections.map((r) => ({ ...r, file: String(r.file).replace(/\.gz$/, '') })),
  parsers: Object.fromEntries(Object.entries(loaded.parsers).map(([f, p]) => [f.replace(/\.gz$/, ''), p])),
});

let csv: { plain: string[]; gzipped: string[] };
let fhir: { plain: string[]; gzipped: string[] };
beforeAll(() => {
  csv = generate('csv');
  fhir = generate('fhir');
});

describe('gzip-compressed input', () => {
  it('loads a gzipped Tuva CSV population exactly as the plain files, through DuckDB’s reader', async () => {
    const plain = comparable(await loadAndSnapshot(csv.plain, {}));
    const gzipped = comparable(await loadAndSnapshot(csv.gzipped, {}));
    expect(gzipped).toEqual(plain);
    expect(Object.values(gzipped.parsers)).toContain('duckdb');
    expect(plain.totals.rejected).toBeGreaterThan(0);
    expect(plain.totals.loaded).toBeGreaterThan(100);
  });

  it('loads gzipped FHIR NDJSON exactly as the plain files, on this thread and by worker threads', async () => {
    const plain = comparable(await loadAndSnapshot(fhir.plain, { ndjson: { workers: 0 } }));
    const single = comparable(await loadAndSnapshot(fhir.gzipped, { ndjson: { workers: 0 } }));
    const threaded = comparable(
      await loadAndSnapshot(fhir.gzipped, { ndjson: { workers: 2, blockBytes: 4096 } }),
    );
    expect(single).toEqual(plain);
    expect(threaded).toEqual(plain);
    expect(plain.totals.rejected).toBeGreaterThan(0);
  });

  it('skips a gzipped file already loaded', async () => {
    const wh = await openDuckDbWarehouse(':memory:');
    try {
      await ingestPaths(wh, csv.gzipped);
      const again = await ingestPaths(wh, csv.gzipped);
      expect(again.files.map((f) => f.status)).toEqual(csv.gzipped.map(() => 'skipped'));
    } finally {
      await wh.close();
    }
  });

  it('loads what a cut-short gzip file holds and names where it breaks, alike in every reader', async () => {
    const dir = path.join(root, 'cut');
    fs.mkdirSync(dir);
    const cut = (source: string, name: string) => {
      const stored = gzipSync(fs.readFileSync(source));
      const file = path.join(dir, name);
      fs.writeFileSync(file, stored.subarray(0, Math.floor(stored.length * 0.6)));
      return file;
    };
    const eligibility = csv.plain.find((f) => f.endsWith('eligibility.csv')) as string;
    const pharmacy = cut(csv.plain.find((f) => f.endsWith('pharmacy_claim.csv')) as string, 'rx.csv.gz');
    const ndjsonPatients = fhir.plain.find((f) => f.endsWith('Patient.ndjson')) as string;
    const eobs = cut(
      fhir.plain.find((f) => f.endsWith('ExplanationOfBenefit.ndjson')) as string,
      'eob.ndjson.gz',
    );

    const csvLoad = await loadAndSnapshot([eligibility, pharmacy], {});
    const csvBreak = csvLoad.rejections.find((r) => r.field === '(file)');
    expect(csvBreak).toMatchObject({
      file: 'rx.csv.gz',
      reason: expect.stringMatching(/^gzip content cut short/),
    });
    expect(csvLoad.snapshot).toEqual(
      (await loadAndSnapshot([eligibility, pharmacy], { csvReader: 'js' })).snapshot,
    );
    const [rx] = csvLoad.files.filter((_, i) => i === 1);
    expect(rx?.rows).toBeGreaterThan(0);

    const single = await loadAndSnapshot([ndjsonPatients, eobs], { ndjson: { workers: 0 } });
    const threaded = await loadAndSnapshot([ndjsonPatients, eobs], {
      ndjson: { workers: 2, blockBytes: 4096 },
    });
    expect(threaded.rejections).toEqual(single.rejections);
    expect(threaded.snapshot).toEqual(single.snapshot);
    const ndjsonBreak = single.rejections.find((r) => r.field === '(file)');
    expect(ndjsonBreak).toMatchObject({
      file: 'eob.ndjson.gz',
      reason: expect.stringMatching(/^gzip content cut short/),
    });
    expect(single.totals.loaded).toBeGreaterThan(0);
  });
});
