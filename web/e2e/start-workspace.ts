import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { ingestPaths } from '../../src/claims/ingest/ingest-paths.ts';
import { createCaseDisposer } from '../../src/outreach/cases/case-disposer.ts';
import type { Role } from '../../src/platform/auth/roles.ts';
import { addUser } from '../../src/platform/auth/users.ts';
import type { App } from '../../src/platform/http/route-module.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { openDuckDbWarehouse } from '../../src/platform/warehouse/duckdb/duckdb-warehouse.ts';
import { loadBuiltinReference } from '../../src/reference/load-builtin-reference.ts';
import { identifyMembers } from '../../src/risk/index.ts';
import { createServerApp, openMigratedOpsStore } from '../../src/server.ts';
import { generatePopulation } from '../../src/synth/generate-population.ts';

export const e2ePassword = 'e2e correct horse battery';

export interface Workspace {
  baseUrl: string;
  users: Record<
    'caseManager' | 'otherCaseManager' | 'supervisor' | 'analyst',
    { username: string; userId: string }
  >;
  app: App;
  close(): Promise<void>;
}

const webRoot = path.resolve('web');

/** Builds the web app into dist/web (unless E2E_SKIP_BUILD is set and a build exists). */
export async function buildWebApp(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD && fs.existsSync('dist/web/index.html')) return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.resolve('vite.config.ts'),
      root: webRoot,
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * The real server on a free port with a fresh data dir: a small synthetic population
 * generated, ingested and run through the checkpoint (cases opened by the real disposer),
 * and one user per role the tests need.
 */
export async function startWorkspace(options: { members?: number; seed?: number } = {}): Promise<Workspace> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-'));
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
  await identifyMembers(warehouse, { asOf, disposer: createCaseDisposer(store.db) });
  const make = async (role: Role, username: string) => {
    const user = await addUser(store.db, { username, role, password: e2ePassword, displayName: username });
    return { username, userId: user.userId };
  };
  const users = {
    caseManager: await make('case_manager', 'casey'),
    otherCaseManager: await make('case_manager', 'morgan'),
    supervisor: await make('supervisor', 'sam'),
    analyst: await make('analyst', 'ana'),
  };
  const app = await createServerApp({
    store,
    warehouse,
    config: { dataDir },
    logger: createLogger('warn'),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl: address,
    users,
    app,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
