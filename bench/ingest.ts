/**
 * Ingest benchmark: generates a synthetic population in both formats, ingests each into a
 * fresh DuckDB file, and compares with DuckDB reading the same files raw
 * (`create table as select * from read_csv(...)` / `read_json(...)`) in the same run.
 * Every measured step runs in its own child process so its peak memory is its own.
 *
 *   node --import tsx bench/ingest.ts [--members 100000] [--large-members 500000] [--skip-large]
 *     [--format csv|fhir] [--rounds 2] [--keep]
 *
 * Prints plain lines: rows/s, peak RSS, ingest ÷ raw ratio (goals: CSV 3×, FHIR NDJSON 5×),
 * and peak memory at two sizes (flat means streaming works).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Format = 'csv' | 'fhir';
interface Measured {
  seconds: number;
  rows: number;
  peakRssMb: number;
  /** Peak V8 heap: the JS side of the memory, which streaming keeps flat (DuckDB's own memory is in RSS). */
  peakHeapMb: number;
}

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};

if (args[0] === '--child')
  await runChild(
    args[1] as 'generate' | 'ingest' | 'raw',
    args[2] as Format,
    args[3] as string,
    Number(args[4]),
  );
else await runParent();

async function runParent(): Promise<void> {
  const members = Number(option('members', '100000'));
  const large = Number(option('large-members', String(members * 5)));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-bench-ingest-'));
  const keep = args.includes('--keep');
  const rounds = Number(option('rounds', '2'));
  console.log(`ingest benchmark: ${members} members, ${os.cpus().length} cores, work dir ${root}`);
  try {
    const formats = (['csv', 'fhir'] as const).filter((f) => option('format', f) === f);
    for (const format of formats) {
      const dir = path.join(root, `${format}-${members}`);
      const generated = child('generate', format, dir, members);
      const bytes = fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
      console.log(`${format}: generated ${(bytes / 1e6).toFixed(0)} MB in ${generated.seconds.toFixed(1)}s`);
      // The generated files reach the disk before any clock starts; then raw reads and ingests
      // alternate, so a noisy moment on a shared machine falls on both sides.
      spawnSync('sync');
      const rawName = format === 'csv' ? 'read_csv' : 'read_json';
      const ingests: Measured[] = [];
      const raws: Measured[] = [];
      for (let round = 1; round <= rounds; round++) {
        const pair = round % 2 === 1 ? (['raw', 'ingest'] as const) : (['ingest', 'raw'] as const);
        for (const mode of pair) (mode === 'raw' ? raws : ingests).push(child(mode, format, dir, members));
        const [ingest, raw] = [ingests.at(-1) as Measured, raws.at(-1) as Measured];
        console.log(
          `${format} round ${round}: ingest ${ingest.seconds.toFixed(1)}s (${ingest.rows} rows, ${Math.round(ingest.rows / ingest.seconds)} rows/s, peak RSS ${ingest.peakRssMb} MB, peak JS heap ${ingest.peakHeapMb} MB); duckdb raw ${rawName} ${raw.seconds.toFixed(1)}s (peak RSS ${raw.peakRssMb} MB); ratio ${(ingest.seconds / raw.seconds).toFixed(2)}x`,
        );
      }
      const ingest = best(ingests);
      const raw = best(raws);
      const goal = format === 'csv' ? 3 : 5;
      console.log(
        `${format}: best of ${rounds}: ingest ${ingest.seconds.toFixed(1)}s, ${Math.round(ingest.rows / ingest.seconds)} rows/s; raw ${rawName} ${raw.seconds.toFixed(1)}s`,
      );
      console.log(`${format}: ingest / raw = ${(ingest.seconds / raw.seconds).toFixed(2)}x (goal ${goal}x)`);
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
      if (!args.includes('--skip-large') && format === 'csv') {
        const bigDir = path.join(root, `${format}-${large}`);
        child('generate', format, bigDir, large);
        const big = child('ingest', format, bigDir, large);
        console.log(
          `${format}: peak RSS / JS heap: ${members} members ${ingest.peakRssMb} / ${ingest.peakHeapMb} MB (${ingest.rows} rows) vs ${large} members ${big.peakRssMb} / ${big.peakHeapMb} MB (${big.rows} rows)`,
        );
        if (!keep) fs.rmSync(bigDir, { recursive: true, force: true });
      }
    }
  } finally {
    if (!keep) fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The fastest of several runs: the one least disturbed by the rest of the machine. */
function best(runs: readonly Measured[]): Measured {
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

function child(mode: string, format: Format, dir: string, members: number): Measured {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', self, '--child', mode, format, dir, String(members)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    },
  );
  if (result.status !== 0) throw new Error(`${mode} ${format} failed (exit ${result.status})`);
  const last = result.stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(last) as Measured;
}

async function runChild(
  mode: 'generate' | 'ingest' | 'raw',
  format: Format,
  dir: string,
  members: number,
): Promise<void> {
  // Modules load before the clock starts: the figures are about reading data, not compiling TypeScript.
  const { generatePopulation } = await import('../src/synth/generate-population.ts');
  const { openDuckDbWarehouse } = await import('../src/platform/warehouse/duckdb/duckdb-warehouse.ts');
  const { ingestPaths } = await import('../src/claims/ingest/ingest-paths.ts');
  let peak = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  const started = performance.now();
  let rows = 0;
  if (mode === 'generate') {
    generatePopulation({ members, seed: 42, outDir: dir, format, asOf: '2026-06-30' });
  } else if (mode === 'ingest') {
    const db = path.join(dir, 'bench-ingest.duckdb');
    for (const f of [db, `${db}.wal`]) fs.rmSync(f, { force: true });
    const wh = await openDuckDbWarehouse(db);
    const files = fs
      .readdirSync(dir)
      .filter((f) => !f.includes('.duckdb'))
      .map((f) => path.join(dir, f));
    const summary = await ingestPaths(wh, files);
    rows = summary.totals.rowsRead;
    await wh.close();
  } else {
    const db = path.join(dir, 'bench-raw.duckdb');
    for (const f of [db, `${db}.wal`]) fs.rmSync(f, { force: true });
    const wh = await openDuckDbWarehouse(db);
    const files = fs.readdirSync(dir).filter((f) => !f.includes('.duckdb'));
    for (const [i, f] of files.entries()) {
      const file = path.join(dir, f).replace(/'/g, "''");
      const reader =
        format === 'csv'
          ? `read_csv('${file}', header = true)`
          : `read_json('${file}', format = 'newline_delimited')`;
      await wh.run(`create table raw_${i} as select * from ${reader}`);
      const [count] = await wh.all<{ n: number }>(`select count(*) as n from raw_${i}`);
      rows += count?.n ?? 0;
    }
    await wh.close();
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  console.log(
    JSON.stringify({
      seconds,
      rows,
      peakRssMb: Math.round(peak / 1e6),
      peakHeapMb: Math.round(peakHeap / 1e6),
    }),
  );
}
