import { Writable } from 'node:stream';
import { ensureWarehouseSchema } from '../claims/warehouse-schema.ts';
import { migrations } from '../migrations.ts';
import type { Role } from '../platform/auth/roles.ts';
import { addUser } from '../platform/auth/users.ts';
import { migrateOpsStore } from '../platform/db/migrate.ts';
import { openOpsStore } from '../platform/db/open-ops-store.ts';
import type { OpsStore } from '../platform/db/ops-db.ts';
import { openTestOpsStore } from '../platform/db/testing/template-store.ts';
import type { RouteRoles } from '../platform/http/fastify-augment.ts';
import { sessionCookie } from '../platform/http/guard-hooks.ts';
import type { App } from '../platform/http/route-module.ts';
import { createLogger } from '../platform/logger.ts';
import { openDuckDbWarehouse } from '../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { ensureReferenceSchema } from '../reference/reference-schema.ts';
import { createServerApp } from '../server.ts';

/** A signed-in test user: spread `headers` into `app.inject` (cookie and CSRF token). */
export interface TestUser {
  userId: string;
  username: string;
  role: Role;
  cookie: string;
  csrfToken: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

export interface TestApp {
  app: App;
  store: OpsStore;
  warehouse: Warehouse;
  /** `METHOD /url-pattern` of every handler that started, in order (to prove a denied handler never ran). */
  handlerCalls: string[];
  /** The members of `request.access` each handler was given, in order (to prove it holds no store handle). */
  accessKeys: string[][];
  /** Every route of the app with the roles it declares. */
  routeTable: Array<{ method: string; url: string; roles: RouteRoles | undefined }>;
  /** Every log line written, as text (to prove member data stays out of the log). */
  logLines: string[];
  /** Creates a user of the role (unique name) and signs them in through POST /api/auth/login. */
  logIn(
    role: Role,
    extra?: { memberId?: string; organization?: string; username?: string },
  ): Promise<TestUser>;
  close(): Promise<void>;
}

export const testPassword = 'correct horse battery staple';
let userCounter = 0;

/**
 * Builds the real app (every route, the real access policy) on a fresh in-memory
 * PGlite (or `databaseUrl`, already empty or migrated) and an in-memory DuckDB warehouse.
 */
export async function buildTestApp(
  options: { databaseUrl?: string; logLevel?: string; trustProxy?: string } = {},
): Promise<TestApp> {
  const store = options.databaseUrl
    ? await openOpsStore({ databaseUrl: options.databaseUrl })
    : await openTestOpsStore(migrations);
  if (options.databaseUrl) await migrateOpsStore(store, migrations);
  const warehouse = await openDuckDbWarehouse(':memory:');
  await ensureWarehouseSchema(warehouse);
  await ensureReferenceSchema(warehouse);
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const handlerCalls: string[] = [];
  const accessKeys: string[][] = [];
  const routeTable: TestApp['routeTable'] = [];
  const app = await createServerApp({
    store,
    warehouse,
    logger: createLogger(options.logLevel ?? 'info', sink),
    trustProxy: options.trustProxy,
    onHandler: (route, request) => {
      handlerCalls.push(route);
      accessKeys.push(Object.keys(request.access));
    },
    onRouteAdded: (route) => routeTable.push(route),
  });
  await app.ready();
  return {
    app,
    store,
    warehouse,
    handlerCalls,
    accessKeys,
    routeTable,
    logLines,
    async logIn(role, extra = {}) {
      userCounter += 1;
      const username = extra.username ?? `${role.replace('_', '-')}-${process.pid}-${userCounter}`;
      await addUser(store.db, {
        username,
        role,
        password: testPassword,
        ...(extra.memberId ? { memberId: extra.memberId } : role === 'member' ? { memberId: 'M-TEST' } : {}),
        ...(extra.organization ? { organization: extra.organization } : {}),
      });
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: testPassword },
      });
      if (res.statusCode !== 200) throw new Error(`test login failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === sessionCookie);
      if (!cookie) throw new Error('test login set no session cookie');
      const body = res.json<{ userId: string; csrfToken: string }>();
      const cookieHeader = `${sessionCookie}=${cookie.value}`;
      return {
        userId: body.userId,
        username,
        role,
        cookie: cookieHeader,
        csrfToken: body.csrfToken,
        headers: { cookie: cookieHeader, 'x-csrf-token': body.csrfToken },
      };
    },
    close: () => app.close(),
  };
}
