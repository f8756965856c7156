import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestPaths } from '../../src/claims/ingest/ingest-paths.ts';
import { addUser } from '../../src/platform/auth/users.ts';
import type { App } from '../../src/platform/http/route-module.ts';
import { createLogger } from '../../src/platform/logger.ts';
import type { Warehouse } from '../../src/platform/warehouse/warehouse.ts';
import { openDuckDbWarehouse } from '../../src/platform/warehouse/duckdb/duckdb-warehouse.ts';
import { loadBuiltinReference } from '../../src/reference/load-builtin-reference.ts';
import { createServerApp, openMigratedOpsStore } from '../../src/server.ts';
import { generatePopulation } from '../../src/synth/generate-population.ts';
import { e2ePassword } from './start-workspace.ts';

export interface PharmacistWorkspace {
  baseUrl: string;
  asOf: string;
  users: Record<'pharmacist' | 'supervisor', { username: string; userId: string }>;
  warehouse: Warehouse;
  app: App;
  close(): Promise<void>;
}

/**
 * The real server on a free port over a small synthetic population (generated and ingested, no
 * outreach run: the pharmacist's screens read the warehouse), with a clinical pharmacist and a supervisor.
 */
export async function startPharmacistWorkspace(
  options: { members?: number; seed?: number } = {},
): Promise<PharmacistWorkspace> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-rx-'));
  const asOf = new Date().toISOString().slice(0, 10);
  const claimsDir = path.join(dataDir, 'claims');
  generatePopulation({
    members: options.members ?? 400,
    seed: options.seed ?? 11,
    asOf,
    outDir: claimsDir,
    format: 'csv',
    riskEnrichment: 4,
  });
  const warehouse = await openDuckDbWarehouse(path.join(dataDir, 'warehouse.duckdb'));
  await loadBuiltinReference(warehouse);
  await ingestPaths(warehouse, [claimsDir]);
  const store = await openMigratedOpsStore({ opsDir: path.join(dataDir, 'ops') });
  const make = async (role: 'clinical_pharmacist' | 'supervisor', username: string) => {
    const user = await addUser(store.db, { username, role, password: e2ePassword, displayName: username });
    return { username, userId: user.userId };
  };
  const users = { pharmacist: await make('clinical_pharmacist', 'pat'), supervisor: await make('supervisor', 'sky') };
  const app = await createServerApp({ store, warehouse, config: { dataDir }, logger: createLogger('warn') });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    asOf,
    users,
    warehouse,
    app,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
