import fs from 'node:fs';
import path from 'node:path';
import { formatDataQuality, summarizeDataQuality } from './claims/data-quality.ts';
import { addDatasetNote, syntheticDataNote } from './claims/dataset-notes.ts';
import { ingestPaths } from './claims/ingest/ingest-paths.ts';
import { buildDemoNetwork, demoFacilityId } from './coverage/demo/demo-network.ts';
import { seedDemoPreauthorizations } from './coverage/demo/seed-demo-preauthorizations.ts';
import { seedDemoCoverage } from './coverage/plans/plan-store.ts';
import { saveMeasureConfig } from './measures/index.ts';
import { createCaseDisposer } from './outreach/cases/case-disposer.ts';
import { type DemoCredential, ensureDemoUsers } from './platform/auth/demo-users.ts';
import type { AppConfig } from './platform/config.ts';
import type { OpsStore } from './platform/db/ops-db.ts';
import type { Warehouse } from './platform/warehouse/warehouse.ts';
import { seedDemoRecovery } from './recovery/index.ts';
import { loadBuiltinReference } from './reference/load-builtin-reference.ts';
import { ensureRiskSchema, identifyMembers, parseRiskConfig, summarizeWorklist } from './risk/index.ts';
import { generatePopulation } from './synth/generate-population.ts';

export interface DemoOptions {
  members: number;
  seed: number;
  asOf: string;
  riskEnrichment: number;
}

export interface DemoResult {
  /** True when this call generated and loaded the population (an empty data dir). */
  seeded: boolean;
  credentials: DemoCredential[];
  lines: string[];
}

/**
 * Seeds the demo on embedded stores when the warehouse is empty: generates a synthetic
 * population, ingests it, loads the built-in drug reference, runs the checkpoint (opening
 * cases), stores the demo plans and network, and creates one demo user per role. On a
 * data dir that already holds a population it only reports what is there.
 */
export async function seedDemo(
  config: AppConfig,
  warehouse: Warehouse,
  store: OpsStore,
  options: DemoOptions,
  progress: (line: string) => void = () => {},
): Promise<DemoResult> {
  const lines: string[] = [];
  await ensureRiskSchema(warehouse);
  const [members] = await warehouse.all<{ n: number }>('select count(*) as n from member');
  const seeded = !members?.n;
  if (seeded) {
    const claimsDir = path.join(config.dataDir, 'demo-claims');
    fs.rmSync(claimsDir, { recursive: true, force: true });
    progress(
      `generating ${options.members} synthetic members (seed ${options.seed}, as of ${options.asOf})…`,
    );
    const population = generatePopulation({
      members: options.members,
      seed: options.seed,
      asOf: options.asOf,
      outDir: claimsDir,
      format: 'fhir',
      riskEnrichment: options.riskEnrichment,
      // The demo's story: a program that started a year before the as-of month, with an effect.
      programEffect: { start: demoProgramStart(options.asOf) },
    });
    progress(`generated in ${(population.elapsedMs / 1000).toFixed(1)} s; loading the claims warehouse…`);
    await loadBuiltinReference(warehouse);
    const ingest = await ingestPaths(warehouse, [claimsDir]);
    await addDatasetNote(warehouse, 'synthetic', syntheticDataNote);
    await saveMeasureConfig(
      store.db,
      { programStart: demoProgramStart(options.asOf) },
      { userId: 'demo', reason: 'demo: the baseline is the first year of the generated claims' },
    );
    const t = ingest.totals;
    lines.push(
      `ingested ${ingest.files.length} files in ${ingest.seconds.toFixed(1)} s: ${t.loaded} loaded, ${t.replaced} replaced, ${t.reversed} reversed, ${t.rejected} rejected`,
    );
  }
  lines.push(...formatDataQuality(await summarizeDataQuality(warehouse)));
  await seedDemoCoverage(store.db);
  const preauth = await seedDemoPreauthorizations(store.db, warehouse, options.asOf);
  lines.push(...preauth.lines);
  const [runs] = await warehouse.all<{ n: number }>('select count(*) as n from risk_run');
  if (seeded || !runs?.n) {
    progress('running the checkpoint…');
    const run = await identifyMembers(warehouse, {
      asOf: options.asOf,
      disposer: createCaseDisposer(store.db),
    });
    lines.push(summarizeWorklist(run));
  }
  const [memberUser] = await warehouse.all<{ member_id: string }>(
    `select c.member_id from risk_candidate c join risk_run r on r.run_id = c.run_id
      order by r.started_at desc, c.rank limit 1`,
  );
  const [anyMember] = await warehouse.all<{ member_id: string }>(
    'select member_id from member order by member_id limit 1',
  );
  const credentials = await ensureDemoUsers(store.db, {
    memberId: memberUser?.member_id ?? anyMember?.member_id ?? 'unknown',
    // A facility user's organization is their facility's NPI (src/coverage/README.md): the
    // facility that billed the most seeded detox requests, so the demo user has a queue to see.
    organization:
      preauth.busiestFacility?.npi ??
      buildDemoNetwork().find((entry) => entry.id === demoFacilityId)?.npi ??
      demoFacilityId,
  });
  if (preauth.busiestFacility && credentials.some((c) => c.role === 'facility_staff')) {
    const f = preauth.busiestFacility;
    lines.push(
      `demo-facility-staff works at ${f.name} (NPI ${f.npi}), which has ${f.requests} preauthorization requests on file, ${preauth.open.seeded + preauth.open.alreadyOnFile} of them open`,
    );
  }
  const staff = await store.db
    .selectFrom('app_user')
    .select(['user_id', 'username', 'organization'])
    .where('username', 'in', ['demo-case-manager', 'demo-facility-staff', 'demo-family'])
    .execute();
  const supporter = staff.find((u) => u.username === 'demo-family');
  const cm = staff.find((u) => u.username === 'demo-case-manager');
  const facility = staff.find((u) => u.username === 'demo-facility-staff');
  if (cm && facility?.organization)
    lines.push(
      ...(await seedDemoRecovery(
        { db: store.db, warehouse },
        {
          asOf: options.asOf,
          caseManager: { userId: cm.user_id, username: cm.username },
          facility: { userId: facility.user_id, npi: facility.organization },
          ...(supporter ? { supporter: { userId: supporter.user_id } } : {}),
          config: parseRiskConfig({}),
        },
      )),
    );
  return { seeded, credentials, lines };
}

/** The first day of the month a year before the as-of month: the baseline is then the generated data's first year. */
export function demoProgramStart(asOf: string): string {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  return `${year - 1}-${String(month).padStart(2, '0')}-01`;
}
