import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import type { Role } from '../../src/platform/auth/roles.ts';
import { addUser } from '../../src/platform/auth/users.ts';
import type { App } from '../../src/platform/http/route-module.ts';

import { seedPopulation, serveSeeded } from './seed-population.ts';

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
  const seeded = await seedPopulation({
    prefix: 'workspace',
    members: options.members ?? 400,
    seed: options.seed ?? 11,
  });
  const make = async (role: Role, username: string) => {
    const user = await addUser(seeded.store.db, {
      username,
      role,
      password: e2ePassword,
      displayName: username,
    });
    return { username, userId: user.userId };
  };
  const users = {
    caseManager: await make('case_manager', 'casey'),
    otherCaseManager: await make('case_manager', 'morgan'),
    supervisor: await make('supervisor', 'sam'),
    analyst: await make('analyst', 'ana'),
  };
  const served = await serveSeeded(seeded);
  return { baseUrl: served.baseUrl, users, app: served.app, close: served.close };
}
