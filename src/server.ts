import path from 'node:path';
import { memberAccessPolicy } from './member-access-policy.ts';
import { migrations } from './migrations.ts';
import { createCaseDisposer } from './outreach/cases/case-disposer.ts';
import { drainWarehouseWork } from './outreach/members/warehouse-work.ts';
import type { AppConfig } from './platform/config.ts';
import { migrateOpsStore } from './platform/db/migrate.ts';
import { openOpsStore } from './platform/db/open-ops-store.ts';
import type { OpsStore } from './platform/db/ops-db.ts';
import { type BuildAppOptions, buildApp } from './platform/http/build-app.ts';
import type { App } from './platform/http/route-module.ts';
import type { Logger } from './platform/logger.ts';
import type { Warehouse } from './platform/warehouse/warehouse.ts';
import { linkInvitedAccount } from './privacy/index.ts';
import type { CandidateDisposer } from './risk/index.ts';
import { domainRoutes } from './routes.ts';

/** Opens the operational store named by the config (PostgreSQL URL or PGlite folder) and migrates it. */
export async function openMigratedOpsStore(
  config: Pick<AppConfig, 'databaseUrl' | 'opsDir'>,
): Promise<OpsStore> {
  const store = await openOpsStore(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { pgliteDir: config.opsDir },
  );
  try {
    await migrateOpsStore(store, migrations);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** Composes the app from every domain's routes and the privacy policy; the app closes both stores on close. */
export function createServerApp(args: {
  store: OpsStore;
  warehouse: Warehouse;
  logger: Logger;
  trustProxy?: string | undefined;
  onHandler?: BuildAppOptions['onHandler'];
  onRouteAdded?: BuildAppOptions['onRouteAdded'];
}): Promise<App> {
  return buildApp({
    ...args,
    policy: memberAccessPolicy,
    linkAccount: linkInvitedAccount,
    routes: domainRoutes({ db: args.store.db, warehouse: args.warehouse }),
    beforeClose: drainWarehouseWork,
    webDir: path.resolve('dist/web'),
  });
}

/** Listens on the port until SIGINT/SIGTERM, then finishes in-flight requests and closes the stores. */
export async function serveUntilSignal(app: App, port: number, host = '127.0.0.1'): Promise<string> {
  const address = await app.listen({ port, host });
  const stop = (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return address;
}

/** The identify command's disposition step (RISK-RULES §7): the case disposer on the migrated operational store. */
export async function openCaseDisposer(context: {
  config: Pick<AppConfig, 'databaseUrl' | 'opsDir'>;
}): Promise<{ disposer: CandidateDisposer; close(): Promise<void> }> {
  const store = await openMigratedOpsStore(context.config);
  return { disposer: createCaseDisposer(store.db), close: () => store.close() };
}
