/**
 * `node --import tsx bench/signals.ts [--members N] [--watched K]`: the RISK-RULES §11
 * signals job on the identify bench's population (default 1,000,000 members; the warehouse
 * is built once under bench/out/ by `lib/bench-population.ts`), with K engaged members
 * (default 1 % of the members) watched in an embedded operational store, each with a plan,
 * weekly sessions (some missed), drug screens and check-ins. Prints the time and peak
 * memory of one identify run and of the signals job in the same process, and their ratio.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrations } from '../src/migrations.ts';
import { migrateOpsStore } from '../src/platform/db/migrate.ts';
import { openOpsStore } from '../src/platform/db/open-ops-store.ts';
import { openDuckDbWarehouse } from '../src/platform/warehouse/duckdb/duckdb-warehouse.ts';
import { runSignals } from '../src/recovery/index.ts';
import { identifyMembers, parseRiskConfig } from '../src/risk/index.ts';
import { asOf, buildBenchWarehouse, memberIdOf } from './lib/bench-population.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : Number(argv[i + 1]);
};
const n = arg('--members', 1_000_000);
const watched = arg('--watched', Math.round(n / 100));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const file = path.join(here, 'out', `identify-${n}.duckdb`);
fs.mkdirSync(path.dirname(file), { recursive: true });
if (!fs.existsSync(file)) {
  process.stdout.write(`building ${file} (${n} members)\n`);
  await buildBenchWarehouse(file, n);
}
const warehouse = await openDuckDbWarehouse(file);
const store = await openOpsStore({ pgliteDir: 'memory://' });
await migrateOpsStore(store, migrations);

// Watched members spread over the population: engaged 60 days before the as-of date.
const engagedOn = new Date(Date.parse(`${asOf}T00:00:00Z`) - 60 * 86_400_000).toISOString().slice(0, 10);
const step = Math.max(1, Math.floor(n / watched));
const members = Array.from({ length: watched }, (_, i) => memberIdOf(i * step));
let t = Date.now();
await store.execScript(`insert into app_user (user_id, username, role, password_hash, created_at)
  values ('bench-cm', 'bench-cm', 'case_manager', 'x', now())`);
for (let i = 0; i < members.length; i += 1000) {
  const chunk = members.slice(i, i + 1000);
  const values = (f: (m: string, k: number) => string) => chunk.map((m, k) => f(m, i + k)).join(',\n');
  await store.execScript(`
    insert into outreach_case (case_id, member_id, status, stage, priority, reasons, assigned_to, engaged_on)
      values ${values((m) => `('case-${m}', '${m}', 'open', 'in_treatment', 50, '{}', 'bench-cm', '${engagedOn}')`)};
    insert into care_plan (plan_id, member_id, category, status, content, updated_by)
      values ${values((m) => `('plan-${m}', '${m}', 'treatment', 'active', '{"title":"Plan","goals":[],"careTeam":[{"role":"prescriber","name":"Dr","npi":"D1"}],"prescribedSubstances":["buprenorphine"],"watchedSubstances":[]}', 'bench-cm')`)};
    insert into service_request (request_id, plan_id, member_id, category, service, performer_name, performer_npi, status, sessions_per_week, created_at)
      values ${values((m) => `('sr-${m}', 'plan-${m}', '${m}', 'counseling', 'individual', 'Center', '1234567893', 'in-progress', 1, '${engagedOn}')`)};
    insert into treatment_session (session_id, member_id, facility_npi, source_id, service, scheduled_on, attended, reported_by)
      select 's-' || m || '-' || w, m, '1234567893', m || '-' || w, 'individual', date '${engagedOn}' + 7 * w,
             (hashtext(m || w) % 5) <> 0, 'bench-cm'
      from unnest(array[${chunk.map((m) => `'${m}'`).join(',')}]) m, generate_series(1, 8) w;
    insert into drug_screen (screen_id, member_id, facility_npi, source_id, collected_on, substance, positive, reported_by)
      select 'u-' || m || '-' || w || '-' || s, m, '1234567893', m || '-u' || w, date '${engagedOn}' + 14 * w, s,
             s = 'buprenorphine' or (s = 'fentanyl' and hashtext(m || w) % 20 = 0), 'bench-cm'
      from unnest(array[${chunk.map((m) => `'${m}'`).join(',')}]) m, generate_series(1, 3) w,
           unnest(array['fentanyl', 'buprenorphine', 'cocaine']) s;
    insert into check_in (check_in_id, member_id, submitted_at, mood, craving, used_last_7_days, sleep, needs, safety_concern, submitted_by)
      select 'c-' || m || '-' || w, m, timestamptz '${engagedOn}T12:00:00Z' + (w * 7 || ' days')::interval, 6,
             abs(hashtext(m || w)) % 10, hashtext(m || 'u' || w) % 25 = 0, 'well', '[]', hashtext(m || 's' || w) % 200 = 0, 'bench-cm'
      from unnest(array[${chunk.map((m) => `'${m}'`).join(',')}]) m, generate_series(1, 8) w;`);
}
process.stdout.write(
  `${n} members, ${watched} watched: operational store seeded in ${seconds(Date.now() - t)}\n`,
);

const config = parseRiskConfig({});
t = Date.now();
const run = await identifyMembers(warehouse, { asOf, config });
const identifyMs = Date.now() - t;
const afterIdentify = { rss: rssMb(), peak: peakMb() };
process.stdout.write(
  `  identify: ${seconds(identifyMs)} (${run.counts.candidates} candidates); RSS ${afterIdentify.rss} MB, peak ${afterIdentify.peak} MB\n`,
);
await warehouse.run('delete from risk_reason where run_id = $1', [run.runId]);
await warehouse.run('delete from risk_candidate where run_id = $1', [run.runId]);
await warehouse.run('delete from risk_run where run_id = $1', [run.runId]);

t = Date.now();
const first = await runSignals({ db: store.db, warehouse }, config, asOf);
const signalsMs = Date.now() - t;
const afterSignals = { rss: rssMb(), peak: peakMb() };
const byCode = new Map<string, number>();
for (const a of first.alerts) byCode.set(a.code, (byCode.get(a.code) ?? 0) + 1);
process.stdout.write(
  `  signals: ${seconds(signalsMs)}; ${first.watched} watched, ${first.alerts.length} alerts ` +
    `(${[...byCode].map(([c, k]) => `${c} ${k}`).join(', ')}); RSS ${afterSignals.rss} MB, peak ${afterSignals.peak} MB\n`,
);
t = Date.now();
const second = await runSignals({ db: store.db, warehouse }, config, asOf);
const againMs = Date.now() - t;
process.stdout.write(
  `  signals again (nothing new: ${second.alerts.filter((a) => a.isNew).length} new): ${seconds(againMs)}\n` +
    `  ratio signals / identify: ${(signalsMs / identifyMs).toFixed(2)}; peak RSS ${peakMb()} MB ` +
    `(${afterSignals.peak - afterIdentify.peak} MB above the identify run's peak)\n`,
);
await store.close();
await warehouse.close();
