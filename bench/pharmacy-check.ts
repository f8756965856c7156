/**
 * `npm run bench -- pharmacy-check`: POST /api/pharmacy/check under load on loopback, with
 * 100,000 members and 1,000 active lock-ins seeded straight into the stores.
 * Options: --members N (100000), --lock-ins N (1000), --seconds S (10), --connections C (10).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { ensureWarehouseSchema } from '../src/claims/warehouse-schema.ts';
import { migrations } from '../src/migrations.ts';
import { migrateOpsStore } from '../src/platform/db/migrate.ts';
import { openOpsStore } from '../src/platform/db/open-ops-store.ts';
import { createLogger } from '../src/platform/logger.ts';
import { openDuckDbWarehouse } from '../src/platform/warehouse/duckdb/duckdb-warehouse.ts';
import { listLockIns, prescriberDb } from '../src/prescribers/lock-in/lock-in-store.ts';
import { checkPharmacyClaim } from '../src/prescribers/pharmacy-check/pharmacy-check.ts';
import { addPharmacyCheckClient } from '../src/prescribers/pharmacy-check/pharmacy-check-clients.ts';
import { buildPharmacyCheckIndex } from '../src/prescribers/pharmacy-check/pharmacy-check-index.ts';
import { readDrugClasses } from '../src/prescribers/pharmacy-check/pharmacy-check-service.ts';
import { builtinDrug } from '../src/reference/builtin-drugs.ts';
import { loadBuiltinReference } from '../src/reference/load-builtin-reference.ts';
import { createServerApp } from '../src/server.ts';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const members = option('members', 100_000);
const lockIns = option('lock-ins', 1_000);
const seconds = option('seconds', 10);
const connections = option('connections', 10);
const memberId = (i: number) => `M${String(i).padStart(7, '0')}`;

const store = await openOpsStore({ pgliteDir: 'memory://' });
await migrateOpsStore(store, migrations);
const warehouse = await openDuckDbWarehouse(':memory:');
await ensureWarehouseSchema(warehouse);
await loadBuiltinReference(warehouse);
await warehouse.run(
  `insert into member (member_id, state, zip, batch_id)
   select 'M' || lpad(cast(i as varchar), 7, '0'), 'NJ', '07001', 'bench' from range(${members}) t(i)`,
);

// Every (members ÷ lock-ins)-th member is locked in to pharmacy PH<i> and prescriber PR<i>, in force all year.
const stride = Math.max(1, Math.floor(members / lockIns));
const seeded = Array.from({ length: lockIns }, (_, k) => k * stride);
const evidence = JSON.stringify({
  criteria: ['MME_AND_MULTIPLE_PROVIDERS'],
  averageDailyMmeW180: 120,
  prescribersW180: 5,
  pharmaciesW180: 4,
  asOf: '2026-01-31',
});
const db = prescriberDb(store.db);
for (let start = 0; start < seeded.length; start += 500)
  await db
    .insertInto('lock_in')
    .values(
      seeded.slice(start, start + 500).map((i) => ({
        lock_in_id: randomUUID(),
        member_id: memberId(i),
        state: 'active' as const,
        evidence,
        proposed_on: '2026-01-31',
        scope: 'both' as const,
        rationale: 'bench',
        decided_on: '2026-02-01',
        decided_by: 'bench',
        initial_notice_on: '2026-02-01',
        response_due_on: '2026-03-03',
        member_response: 'null',
        second_notice_on: '2026-03-04',
        pharmacy_npi: `PH${i}`,
        prescriber_npi: `PR${i}`,
        effective_from: '2026-03-15',
        ends_on: '2027-03-14',
        extended_on: null,
        appeal_filed_on: null,
        appeal_from_state: null,
        appeal_decided_on: null,
        appeal_outcome: null,
        closed_on: null,
        close_reason: null,
        version: 6,
        updated_at: new Date(),
      })),
    )
    .execute();
const { apiKey } = await addPharmacyCheckClient(db, 'bench');

// The decision alone, on the same index the server builds: what a check costs without HTTP.
const index = buildPharmacyCheckIndex(await readDrugClasses(warehouse), await listLockIns(db, ['active']));
const parsedBodies = Array.from({ length: 5_000 }, (_, n) => {
  const i = n % 10 === 0 ? (seeded[n % seeded.length] ?? 0) : (n * 7919) % members;
  return {
    memberId: memberId(i),
    ndc: builtinDrug('oxycodone-ir-10').ndc,
    pharmacyNpi: n % 3 ? 'PH-X' : `PH${i}`,
    prescriberNpi: `PR${i}`,
    date: '2026-06-30',
    daysSupply: 30,
  };
});
const loops = 1_000_000;
const t0 = process.hrtime.bigint();
let denied = 0;
for (let n = 0; n < loops; n++)
  if (checkPharmacyClaim(index, parsedBodies[n % parsedBodies.length]!).decision === 'deny') denied++;
const nsPerCheck = Number(process.hrtime.bigint() - t0) / loops;

const sink = new Writable({ write: (_c, _e, done) => done() });
const app = await createServerApp({
  store,
  warehouse,
  logger: createLogger('warn', sink),
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });

// Bodies: a mix of members (one in ten locked in), opioids, MOUD and naloxone, at the locked
// pharmacy or elsewhere, some emergency supplies.
const ndcs = [
  builtinDrug('oxycodone-ir-10').ndc,
  builtinDrug('hydrocodone-apap-5-325').ndc,
  builtinDrug('buprenorphine-naloxone-film-8').ndc,
];
const bodies: string[] = [];
for (let n = 0; n < 5_000; n++) {
  const locked = n % 10 === 0;
  const i = locked ? (seeded[n % seeded.length] ?? 0) : (n * 7919) % members;
  bodies.push(
    JSON.stringify({
      memberId: memberId(i),
      ndc: ndcs[n % ndcs.length],
      pharmacyNpi: n % 3 === 0 ? `PH${i}` : 'PH-ELSEWHERE',
      prescriberNpi: `PR${i}`,
      date: '2026-06-30',
      daysSupply: n % 7 === 0 ? 3 : 30,
    }),
  );
}
// Warm the index (first request loads it) and check the answers are what the table says.
const probe = await fetch(`${address}/api/pharmacy/check`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
  body: JSON.stringify({
    memberId: memberId(seeded[1] ?? 0),
    ndc: ndcs[0],
    pharmacyNpi: 'PH-ELSEWHERE',
    prescriberNpi: `PR${seeded[1]}`,
    date: '2026-06-30',
    daysSupply: 30,
  }),
});
const probeBody = (await probe.json()) as { decision: string };
if (probeBody.decision !== 'deny') throw new Error(`probe expected deny, got ${JSON.stringify(probeBody)}`);

// autocannon runs in a child process, so that its own work does not sit on the server's event loop.
const bodiesFile = path.join(os.tmpdir(), `pharmacy-check-bodies-${process.pid}.json`);
fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
const runner = `
  const autocannon = require(process.env.AUTOCANNON_PATH);
  const bodies = JSON.parse(require('node:fs').readFileSync(process.env.BODIES_FILE, 'utf8'));
  let n = 0;
  autocannon({
    url: process.env.TARGET_URL, method: 'POST', connections: Number(process.env.CONNECTIONS), duration: Number(process.env.SECONDS),
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + process.env.API_KEY },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[n++ % bodies.length] }) }],
  }, (err, r) => { process.stdout.write(JSON.stringify(err ? { error: String(err) } : r)); });`;
const child = spawn(process.execPath, ['-e', runner], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    ...process.env,
    AUTOCANNON_PATH: createRequire(import.meta.url).resolve('autocannon'),
    BODIES_FILE: bodiesFile,
    TARGET_URL: `${address}/api/pharmacy/check`,
    CONNECTIONS: String(connections),
    SECONDS: String(seconds),
    API_KEY: apiKey,
  },
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => {
  output += chunk.toString();
});
type Result = {
  error?: string;
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
};
await new Promise((resolve) => child.once('exit', resolve));
fs.rmSync(bodiesFile, { force: true });
const result = JSON.parse(output) as Result;
await new Promise((resolve) => setTimeout(resolve, 1_500)); // the check log is written in batches
const [logged] = await db
  .selectFrom('pharmacy_check_log')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .execute();
await app.close();
if (result.error) throw new Error(result.error);
console.log(
  `pharmacy check decision alone: ${nsPerCheck.toFixed(0)} ns per check (${loops.toLocaleString('en-US')} checks, ${denied.toLocaleString('en-US')} denied)`,
);
console.log(
  `pharmacy check: ${members.toLocaleString('en-US')} members, ${lockIns.toLocaleString('en-US')} active lock-ins, ${connections} connections, ${seconds} s, loopback`,
);
console.log(
  `  requests/s  ${result.requests.average.toFixed(0)}  (total ${result.requests.total.toLocaleString('en-US')})`,
);
console.log(
  `  latency ms  p50 ${result.latency.p50}  p99 ${result.latency.p99}  max ${result.latency.max}  (goal p99 < 10)`,
);
console.log(
  `  load average during the run ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores (other work on the machine inflates latency)`,
);
console.log(
  `  errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}; checks logged ${Number(logged?.n ?? 0).toLocaleString('en-US')}`,
);
if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
