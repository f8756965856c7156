import fs from 'node:fs';
import { buildWebApp } from './start-workspace.ts';

/**
 * Builds the web app once per test run, before any browser test starts, so that
 * test files running in parallel never rebuild `dist/web` under each other's server.
 * Without Chromium the browser tests skip, and so does the build.
 */
export default async function setup(): Promise<void> {
  if (!fs.existsSync('/usr/bin/chromium')) return;
  await buildWebApp();
  process.env.E2E_SKIP_BUILD = '1';
}
