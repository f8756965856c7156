import { testPostgresVariable } from './template-store.ts';
import { startThrowawayPostgres } from './throwaway-postgres.ts';

/**
 * Vitest global setup of the `postgres` project: starts one throwaway PostgreSQL server for
 * the run and points `openTestOpsStore` at it, so the store tests run on a real server too.
 * Without PostgreSQL binaries the project's tests run on PGlite again, and it says so.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const server = await startThrowawayPostgres();
  if ('skipped' in server) {
    console.warn(`store tests on real PostgreSQL skipped: ${server.skipped}`);
    return async () => {};
  }
  process.env[testPostgresVariable] = server.url;
  return () => server.stop();
}
