/**
 * `node --import tsx bench/http.ts [--duration 10] [--connections 50] [--stores pglite,postgres]
 * [--endpoints worklist,member]`:
 * HTTP load on loopback with autocannon: GET /api/worklist and GET /api/members/{id}
 * with 100,000 members in the warehouse and 10,000 open cases, on PGlite and on a
 * throwaway PostgreSQL server. Prints requests/s and p50/p99 latency per endpoint. The load
 * generator runs in a child process, so the server's event loop is its own.
 *
 * Data is seeded directly (DuckDB `range()` for members, enrollment and claims of
 * the case members; one SQL statement for the cases), not through synth + ingest +
 * identify: the point is the server, and this keeps the set-up under a minute.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ensureWarehouseSchema } from '../src/claims/warehouse-schema.ts';
import { migrations } from '../src/migrations.ts';
import { addUser } from '../src/platform/auth/users.ts';
import { migrateOpsStore } from '../src/platform/db/migrate.ts';
import { openOpsStore } from '../src/platform/db/open-ops-store.ts';
import type { OpsStore } from '../src/platform/db/ops-db.ts';
import { createDatabase, startThrowawayPostgres } from '../src/platform/db/testing/throwaway-postgres.ts';
import { createLogger } from '../src/platform/logger.ts';
import { openDuckDbWarehouse } from '../src/platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../src/platform/warehouse/warehouse.ts';
import { loadBuiltinReference } from '../src/reference/load-builtin-reference.ts';
import { identifyMembers } from '../src/risk/index.ts';
import { createServerApp } from '../src/server.ts';

const members = 100_000;
const openCases = 10_000;
const password = 'bench-password-123';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
interface LoadPlan {
  url: string;
  connections: number;
  duration: number;
  cookie: string;
  /** The request paths, sent in turn (cycling). */
  paths: string[];
}
type LoadResult = autocannon.Result;

/**
 * The load generator runs in a child process of its own (this file with `--load-child`),
 * as a real load test does: autocannon's work never shares the server's event loop.
 */
function runLoadChild(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--load-child'],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load child exited ${code}`)),
    );
    child.stdin.end(JSON.stringify(plan));
  });
}

/** The child's side: read the plan from stdin, run autocannon, print its result as JSON. */
async function loadChild(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const plan = JSON.parse(input) as LoadPlan;
  let i = 0;
  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: plan.duration,
    headers: { cookie: plan.cookie },
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: plan.paths[i++ % plan.paths.length] ?? '/' }),
      },
    ],
  });
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}
if (process.argv.includes('--load-child')) await loadChild();

const duration = Number(arg('duration', '10'));
const connections = Number(arg('connections', '50'));
const stores = arg('stores', 'pglite,postgres').split(',');
/** Which endpoints to load besides /api/health (always first): `worklist`, `member`. */
const endpoints = arg('endpoints', 'worklist,member').split(',');

/** 100k members with enrollment; the 10k case members get 6 opioid fills and an ED visit each. */
async function buildWarehouse(file: string): Promise<Warehouse> {
  const w = await openDuckDbWarehouse(file);
  await ensureWarehouseSchema(w);
  await loadBuiltinReference(w);
  await w.run(`insert into member (member_id, first_name, last_name, birth_date, gender, state, zip, batch_id)
    select 'B' || lpad(i::varchar, 7, '0'), 'First' || i, 'Last' || i, date '1960-01-01' + (i % 15000)::int,
           case when i % 2 = 0 then 'female' else 'male' end, 'NJ', '07102', 'bench'
    from range(${members}) t(i)`);
  await w.run(`insert into enrollment (member_id, start_date, end_date, line_of_business, plan_type, plan_id, payer, batch_id)
    select 'B' || lpad(i::varchar, 7, '0'), date '2024-01-01', null, 'commercial', 'PPO', 'PPO-1', 'Bench Health', 'bench'
    from range(${members}) t(i)`);
  await w.run(`insert into pharmacy_claim (claim_id, version, is_current, is_reversed, member_id, fill_date, ndc, quantity, days_supply, prescriber_npi, pharmacy_npi, batch_id)
    select 'RX' || i || '-' || k, 1, true, false, 'B' || lpad(i::varchar, 7, '0'), date '2026-01-05' + (k * 30)::int,
           '00228287911', 120, 30, '1234567893', '1999999984', 'bench'
    from range(${openCases}) a(i), range(6) b(k)`);
  await w.run(`insert into medical_claim (claim_id, version, is_current, is_reversed, member_id, claim_type, setting, claim_date, start_date, end_date, batch_id)
    select 'ED' || i, 1, true, false, 'B' || lpad(i::varchar, 7, '0'), 'institutional', 'outpatient',
           date '2026-06-01' + (i % 25)::int, date '2026-06-01' + (i % 25)::int, date '2026-06-01' + (i % 25)::int, 'bench'
    from range(${openCases}) t(i)`);
  await w.run(`insert into medical_claim_line (claim_id, version, line_number, service_date, revenue_code)
    select claim_id, 1, 1, claim_date, '0450' from medical_claim where batch_id = 'bench'`);
  await w.run(`insert into medical_claim_dx (claim_id, version, position, code, is_principal)
    select claim_id, 1, 1, 'T400X1A', true from medical_claim where batch_id = 'bench'`);
  // A recorded run as of the cases' date, as `identify` leaves one: the member view serves its candidates from it.
  await identifyMembers(w, { asOf: '2026-06-30' });
  return w;
}

async function seedStore(store: OpsStore): Promise<void> {
  await migrateOpsStore(store, migrations);
  await store.execScript(`
    insert into identification_run (run_id, as_of, rule_version, factor_set, counts)
      values ('bench-run', '2026-06-30', '2026.1', 'cdc-2022', '{}');
    insert into outreach_case (case_id, member_id, status, priority, market, reasons, latest_emergency_date, opened_run_id, updated_run_id)
    select 'case-' || i, 'B' || lpad(i::text, 7, '0'), 'open', 20 + (i * 37) % 80, 'NJ',
           jsonb_build_object('emergencies', jsonb_build_array(jsonb_build_object('kind', 'ED_VISIT', 'date', '2026-06-01', 'claimId', 'ED' || i)),
                              'riskFactors', jsonb_build_array(jsonb_build_object('code', 'HIGH_MME', 'value', 180, 'evidence', jsonb_build_array('RX' || i || '-5'))),
                              'context', '[]'::jsonb),
           date '2026-06-01' + (i % 25), 'bench-run', 'bench-run'
    from generate_series(0, ${openCases - 1}) i;`);
  // As autovacuum leaves a table some time after a bulk insert: statistics and a visibility map
  // (index-only scans read no heap pages). The throwaway server commits asynchronously, and VACUUM
  // marks a page all-visible only once the inserting commit is on disk: CHECKPOINT flushes it first.
  await store.execScript('checkpoint');
  await store.execScript('vacuum analyze outreach_case');
  await store.execScript('analyze');
  await addUser(store.db, { username: 'bench-cm', role: 'case_manager', password });
}

interface Figure {
  store: string;
  endpoint: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function measure(store: OpsStore, warehouse: Warehouse, label: string): Promise<Figure[]> {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const app = await createServerApp({
    store,
    warehouse,
    logger: createLogger('warn', sink),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-cm', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const figures: Figure[] = [];
    const run = async (endpoint: string, path: () => string) => {
      // A few requests first so the first connections do not pay for warm-up.
      for (let i = 0; i < 5; i++) await fetch(`${address}${path()}`, { headers: { cookie } });
      const paths = Array.from({ length: 10_000 }, path);
      const result = await runLoadChild({ url: address, connections, duration, cookie, paths });
      figures.push({
        store: label,
        endpoint,
        requestsPerSecond: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
      });
      const f = figures[figures.length - 1] as Figure;
      console.log(
        `  ${label.padEnd(9)} ${endpoint.padEnd(26)} ${String(f.requestsPerSecond).padStart(6)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms  non-2xx ${f.non2xx}  timeouts ${f.timeouts}`,
      );
    };
    // The floor on this machine in this run: the same server, login, guard and logging, no store work.
    await run('GET /api/health', () => '/api/health');
    let page = 0;
    if (endpoints.includes('worklist'))
      await run('GET /api/worklist', () => `/api/worklist?page=${(page++ % 200) + 1}`);
    let n = 0;
    if (endpoints.includes('member'))
      await run(
        'GET /api/members/{id}',
        () => `/api/members/B${String((n++ * 7919) % openCases).padStart(7, '0')}?asOf=2026-06-30`,
      );
    return figures;
  } finally {
    await app.close();
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'checkpoint-bench-http-'));
try {
  console.log(
    `http bench: ${members} members, ${openCases} open cases, ${connections} connections, ${duration} s per endpoint`,
  );
  let t = Date.now();
  const figures: Figure[] = [];
  for (const kind of stores) {
    const warehouse = await buildWarehouse(path.join(dir, `warehouse-${kind}.duckdb`));
    console.log(`  warehouse built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
    if (kind === 'pglite') {
      const store = await openOpsStore({ pgliteDir: path.join(dir, 'ops') });
      await seedStore(store);
      console.log(`  PGlite seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      figures.push(...(await measure(store, warehouse, 'pglite')));
    } else {
      const server = await startThrowawayPostgres();
      if ('skipped' in server) {
        console.log(`  PostgreSQL skipped: ${server.skipped}`);
        await warehouse.close();
        continue;
      }
      try {
        const store = await openOpsStore({ databaseUrl: await createDatabase(server.url, 'bench') }, 20);
        await seedStore(store);
        console.log(`  PostgreSQL seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
        figures.push(...(await measure(store, warehouse, 'postgres')));
      } finally {
        await server.stop();
      }
    }
    t = Date.now();
  }
  // Ratios against /api/health in the same store's run, so a loaded machine reads as such.
  for (const f of figures) {
    const health = figures.find((h) => h.store === f.store && h.endpoint === 'GET /api/health');
    if (!health || f === health) continue;
    console.log(
      `  ${f.store.padEnd(9)} ${f.endpoint.padEnd(26)} req/s ${(f.requestsPerSecond / health.requestsPerSecond).toFixed(2)}× health  p99 ${(f.p99 / health.p99).toFixed(1)}× health`,
    );
  }
  console.log(
    JSON.stringify({
      bench: 'http',
      members,
      openCases,
      connections,
      duration,
      loadAverage: os.loadavg(),
      figures,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
// Stray keep-alive sockets of the load generator can hold the loop open; the figures are printed, so end here.
process.exit(process.exitCode ?? 0);
