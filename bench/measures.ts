/**
 * `node --import tsx bench/measures.ts [--members N]`: the RISK-RULES §10 program measures
 * (`checkpoint measures`) over the identify bench's population (default 1,000,000 members,
 * built once under bench/out/ by `lib/bench-population.ts`): the baseline year, the latest
 * 12 months and the range, every measure by market and month. Prints the time and peak
 * memory of one identify run and of the measures in the same process, and their ratio
 * (the goal: within 2× of one identify run).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWarehouseSchema } from '../src/claims/index.ts';
import { computeMeasures, parseMeasureConfig, renderProgramReport } from '../src/measures/index.ts';
import { migrations } from '../src/migrations.ts';
import { migrateOpsStore } from '../src/platform/db/migrate.ts';
import { openOpsStore } from '../src/platform/db/open-ops-store.ts';
import { openDuckDbWarehouse } from '../src/platform/warehouse/duckdb/duckdb-warehouse.ts';
import { identifyMembers, parseRiskConfig } from '../src/risk/index.ts';
import { asOf, buildBenchWarehouse } from './lib/bench-population.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : Number(argv[i + 1]);
};
const n = arg('--members', 1_000_000);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const file = path.join(here, 'out', `identify-${n}.duckdb`);
fs.mkdirSync(path.dirname(file), { recursive: true });
if (!fs.existsSync(file)) {
  process.stdout.write(`building ${file} (${n} members)\n`);
  await buildBenchWarehouse(file, n);
}
const warehouse = await openDuckDbWarehouse(file);
await ensureWarehouseSchema(warehouse); // as every command does: a file built by an older version gains new tables
const store = await openOpsStore({ pgliteDir: 'memory://' });
await migrateOpsStore(store, migrations);

const riskConfig = parseRiskConfig({});
let t = Date.now();
const run = await identifyMembers(warehouse, { asOf, config: riskConfig });
const identifyMs = Date.now() - t;
const identifyPeak = peakMb();
process.stdout.write(
  `  identify: ${seconds(identifyMs)} (${run.counts.candidates} candidates); peak ${identifyPeak} MB\n`,
);
await warehouse.run('delete from risk_reason where run_id = $1', [run.runId]);
await warehouse.run('delete from risk_candidate where run_id = $1', [run.runId]);
await warehouse.run('delete from risk_run where run_id = $1', [run.runId]);

// The program started a year before the as-of month: baseline, then 12 months of program.
const to = asOf.slice(0, 7);
const start = `${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}-01`;
t = Date.now();
const result = await computeMeasures(
  { db: store.db, warehouse },
  { from: start.slice(0, 7), to, config: parseMeasureConfig({ programStart: start }), riskConfig },
);
const measuresMs = Date.now() - t;
process.stdout.write(
  `  measures ${result.from}..${result.to} (baseline ${result.baseline.from}..${result.baseline.to}): ` +
    `${seconds(measuresMs)}; ${result.rows.length} rows, ${result.rows.filter((r) => r.suppressed).length} suppressed\n` +
    `  ratio measures / identify: ${(measuresMs / identifyMs).toFixed(2)}; peak RSS ${peakMb()} MB ` +
    `(${peakMb() - identifyPeak} MB above the identify run's peak)\n`,
);
t = Date.now();
const pdf = await renderProgramReport(result, { planName: 'Bench plan' });
process.stdout.write(
  `  report PDF from that result: ${seconds(Date.now() - t)}; ${Math.round(pdf.length / 1024)} KB\n`,
);
await store.close();
await warehouse.close();
