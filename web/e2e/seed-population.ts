import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestPaths } from '../../src/claims/ingest/ingest-paths.ts';
import { createCaseDisposer } from '../../src/outreach/cases/case-disposer.ts';
import type { OpsStore } from '../../src/platform/db/ops-db.ts';
import type { App } from '../../src/platform/http/route-module.ts';
import { createLogger } from '../../src/platform/logger.ts';
import {
  type DuckDbWarehouse,
  openDuckDbWarehouse,
} from '../../src/platform/warehouse/duckdb/duckdb-warehouse.ts';
import { loadBuiltinReference } from '../../src/reference/load-builtin-reference.ts';
import { identifyMembers } from '../../src/risk/index.ts';
import { createServerApp, openMigratedOpsStore } from '../../src/server.ts';
import { generatePopulation } from '../../src/synth/generate-population.ts';

export interface SeededStores {
  dataDir: string;
  asOf: string;
  warehouse: DuckDbWarehouse;
  store: OpsStore;
}

/**
 * A fresh data dir with a small synthetic population generated and ingested, the
 * built-in drug reference, a migrated operational store and, unless told otherwise,
 * a checkpoint run whose candidates opened cases through the real disposer.
 */
export async function seedPopulation(options: {
  prefix: string;
  members: number;
  seed: number;
  identify?: boolean;
  beforeIdentify?: (warehouse: DuckDbWarehouse, asOf: string) => Promise<void>;
}): Promise<SeededStores> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `checkpoint-e2e-${options.prefix}-`));
  const asOf = new Date().toISOString().slice(0, 10);
  const claimsDir = path.join(dataDir, 'claims');
  generatePopulation({
    members: options.members,
    seed: options.seed,
    asOf,
    outDir: claimsDir,
    format: 'csv',
    riskEnrichment: 4,
  });
  const warehouse = await openDuckDbWarehouse(path.join(dataDir, 'warehouse.duckdb'));
  await loadBuiltinReference(warehouse);
  await ingestPaths(warehouse, [claimsDir]);
  await options.beforeIdentify?.(warehouse, asOf);
  const store = await openMigratedOpsStore({ opsDir: path.join(dataDir, 'ops') });
  if (options.identify ?? true)
    await identifyMembers(warehouse, { asOf, disposer: createCaseDisposer(store.db) });
  return { dataDir, asOf, warehouse, store };
}

/** Serves the seeded stores on a free loopback port; `close` stops the server and removes the data dir. */
export async function serveSeeded(
  seeded: SeededStores,
): Promise<{ app: App; baseUrl: string; close(): Promise<void> }> {
  const { store, warehouse, dataDir } = seeded;
  const app = await createServerApp({ store, warehouse, logger: createLogger('warn') });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    baseUrl,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
