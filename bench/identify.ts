/**
 * `node --import tsx bench/identify.ts [--members N] [--rebuild]`: the checkpoint
 * over generated populations (default 100,000 and 1,000,000 members, about 30
 * claim rows each: 8 fills, 6 medical claims with ~10 lines and 12 diagnoses).
 * Prints wall time, peak memory and the ratio to one full scan of the same claims
 * (count/sum grouped by member) in the same process.
 *
 * The warehouse is built once per size under bench/out/ directly with DuckDB SQL
 * (`insert … select from range(…)`), not through the generator and ingest: at a
 * million members the file route takes far longer than the rules themselves.
 * Shapes follow a commercial plan: ~4 % long-term opioid users (a few shoppers),
 * ~8 % short acute courses, ~3 % benzodiazepine users, OUD/SUD/overdose/cancer
 * codes on a few percent, ED visits, ambulance, inpatient emergencies, 2 %
 * adjusted and 0.5 % reversed claims, a quarter of members outside the markets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDuckDbWarehouse } from '../src/platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../src/platform/warehouse/warehouse.ts';
import { identifyMembers } from '../src/risk/index.ts';
import { asOf, buildBenchWarehouse } from './lib/bench-population.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv: string[]): { sizes: number[]; rebuild: boolean } {
  const sizes: number[] = [];
  for (let i = 0; i < argv.length; i++) if (argv[i] === '--members') sizes.push(Number(argv[++i]));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--members takes a positive integer');
  return { sizes: sizes.length ? sizes : [100_000, 1_000_000], rebuild: argv.includes('--rebuild') };
}

async function countRows(w: Warehouse): Promise<Record<string, number>> {
  const [row] = await w.all<Record<string, number>>(`select
      (select count(*) from member) as members, (select count(*) from pharmacy_claim) as pharmacy_claims,
      (select count(*) from medical_claim) as medical_claims, (select count(*) from medical_claim_line) as lines,
      (select count(*) from medical_claim_dx) as diagnoses`);
  return row ?? {};
}

/** One full pass over the same claims: count and sum grouped by member, materialized. */
async function scanClaims(w: Warehouse): Promise<number> {
  await w.run('drop table if exists bench_scan');
  await w.run(`create temp table bench_scan as
    select member_id, count(*) as n, sum(quantity) as total from pharmacy_claim group by member_id
    union all select member_id, count(*), sum(paid_amount) from medical_claim group by member_id
    union all select c.member_id, count(*), sum(l.units) from medical_claim_line l
      join medical_claim c on c.claim_id = l.claim_id and c.version = l.version group by c.member_id
    union all select c.member_id, count(*), sum(x.position) from medical_claim_dx x
      join medical_claim c on c.claim_id = x.claim_id and c.version = x.version group by c.member_id`);
  const [row] = await w.all<{ n: number }>('select count(*) as n from bench_scan');
  return row?.n ?? 0;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function benchSize(
  n: number,
  rebuild: boolean,
): Promise<{ n: number; identifyMs: number; scanMs: number }> {
  const file = path.join(here, 'out', `identify-${n}.duckdb`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (rebuild || !fs.existsSync(file)) {
    process.stdout.write(`building ${file} (${n} members)\n`);
    const t = Date.now();
    await buildBenchWarehouse(file, n);
    process.stdout.write(`  built in ${seconds(Date.now() - t)}\n`);
  }
  const w = await openDuckDbWarehouse(file);
  const rows = await countRows(w);
  const claimRows = (rows.pharmacy_claims ?? 0) + (rows.lines ?? 0) + (rows.diagnoses ?? 0);
  process.stdout.write(
    `${n} members: ${JSON.stringify(rows)} (${(claimRows / 1e6).toFixed(1)} M claim rows)\n`,
  );
  let t = Date.now();
  const groups = await scanClaims(w);
  const scanMs = Date.now() - t;
  process.stdout.write(
    `  scan (count/sum by member over all claim tables): ${seconds(scanMs)} (${groups} groups)\n`,
  );
  t = Date.now();
  const steps: Array<[string, number]> = [];
  const run = await identifyMembers(w, { asOf, onStep: (step, ms) => steps.push([step, ms]) });
  const identifyMs = Date.now() - t;
  const slowest = [...steps].sort((a, b) => b[1] - a[1]).slice(0, 6);
  process.stdout.write(
    `  slowest steps: ${slowest.map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}\n`,
  );
  process.stdout.write(
    `  identify: ${seconds(identifyMs)}; ${run.counts.membersEvaluated} members with activity, ` +
      `${run.counts.eligible} eligible, ${run.counts.candidates} candidates\n` +
      `  ratio identify / scan: ${(identifyMs / scanMs).toFixed(2)}; peak RSS so far ${peakMb()} MB\n`,
  );
  await w.run('delete from risk_reason where run_id = $1', [run.runId]);
  await w.run('delete from risk_candidate where run_id = $1', [run.runId]);
  await w.run('delete from risk_run where run_id = $1', [run.runId]);
  await w.close();
  return { n, identifyMs, scanMs };
}

const { sizes, rebuild } = parseArgs(process.argv.slice(2));
const results = [];
for (const n of sizes) results.push(await benchSize(n, rebuild));
process.stdout.write('\nidentify summary\n');
for (const r of results)
  process.stdout.write(
    `  ${String(r.n).padStart(9)} members: identify ${seconds(r.identifyMs)}, scan ${seconds(r.scanMs)}, ratio ${(r.identifyMs / r.scanMs).toFixed(2)}\n`,
  );
if (results.length > 1) {
  const [a, b] = [results[0], results[results.length - 1]];
  if (a && b)
    process.stdout.write(
      `  growth ${a.n} → ${b.n} members (×${(b.n / a.n).toFixed(0)}): identify ×${(b.identifyMs / a.identifyMs).toFixed(1)}, scan ×${(b.scanMs / a.scanMs).toFixed(1)}\n`,
    );
}
process.stdout.write(`  peak RSS ${peakMb()} MB\n`);
