import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestUser } from '../../testing/test-app.ts';
import { type Role, roles } from '../auth/roles.ts';

let t: TestApp;
const users = new Map<Role, TestUser>();

beforeAll(async () => {
  t = await buildTestApp();
  for (const role of roles) users.set(role, await t.logIn(role));
});
afterAll(async () => {
  await t.close();
});

/** A concrete URL for a route pattern: every path parameter gets a harmless placeholder. */
function fill(url: string): string {
  return url.replace(/:[A-Za-z]+/g, 'PLACEHOLDER-1');
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The inject options for calling a route as a user, with an empty JSON body where the method takes one. */
function request(method: string, url: string, u: TestUser) {
  const base = { method: method as Method, url: fill(url), headers: u.headers };
  return method === 'GET' || method === 'DELETE' ? base : { ...base, payload: {} };
}

describe('authorization matrix: every /api route × every role', () => {
  it('lists routes, and every /api route declares its roles', () => {
    const api = t.routeTable.filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD');
    expect(api.length).toBeGreaterThan(10);
    for (const r of api) expect(r.roles, `${r.method} ${r.url}`).toBeDefined();
  });

  it('refuses a role not listed with 403, and the handler never runs', async () => {
    let checked = 0;
    for (const r of t.routeTable) {
      if (!r.url.startsWith('/api') || r.method === 'HEAD' || !Array.isArray(r.roles)) continue;
      const allowed = r.roles as readonly Role[];
      for (const role of roles) {
        if (allowed.includes(role)) continue;
        const u = users.get(role) as TestUser;
        const before = t.handlerCalls.length;
        const res = await t.app.inject(request(r.method, r.url, u));
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
        expect(res.json().code).toBe('forbidden');
        expect(t.handlerCalls.slice(before), `${role} ${r.method} ${r.url}`).toEqual([]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('refuses every non-public route without a session with 401, and the handler never runs', async () => {
    for (const r of t.routeTable) {
      if (!r.url.startsWith('/api') || r.method === 'HEAD' || r.roles === 'public') continue;
      const before = t.handlerCalls.length;
      const res = await t.app.inject({ method: r.method as Method, url: fill(r.url) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(t.handlerCalls.slice(before)).toEqual([]);
    }
  });

  it('lets every listed role past the guard (the handler runs, or the input is refused as invalid)', async () => {
    for (const r of t.routeTable) {
      if (!r.url.startsWith('/api') || r.method === 'HEAD' || r.roles === 'public' || r.roles === undefined)
        continue;
      const allowed: readonly Role[] = r.roles === 'signed-in' ? roles : r.roles;
      for (const role of allowed) {
        // Signing out ends the shared session of this role: covered by the auth tests.
        if (r.url === '/api/auth/logout') continue;
        const u = users.get(role) as TestUser;
        const before = t.handlerCalls.length;
        const res = await t.app.inject(request(r.method, r.url, u));
        const ran = t.handlerCalls.slice(before).includes(`${r.method} ${r.url}`);
        expect(ran || res.statusCode === 400, `${role} ${r.method} ${r.url} → ${res.statusCode}`).toBe(true);
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).not.toBe(401);
        expect(res.statusCode).toBeLessThan(500);
      }
    }
  });

  it('records an audit event when a role is refused a route', async () => {
    const analyst = users.get('analyst') as TestUser;
    await t.app.inject({ method: 'GET', url: '/api/worklist', headers: analyst.headers });
    const row = await t.store.db
      .selectFrom('audit_event')
      .selectAll()
      .where('actor_id', '=', analyst.userId)
      .where('outcome', '=', 'denied')
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    expect(row).toMatchObject({
      resource_type: 'Route',
      resource_id: 'GET /api/worklist',
      actor_role: 'analyst',
    });
  });
});

describe('a member reaches only their own record, a supporter only what a consent shares', () => {
  /** GET routes addressed by a member id alone, open to the role at the guard. */
  const memberRoutes = (role: Role) =>
    t.routeTable.filter(
      (r) =>
        r.method === 'GET' &&
        Array.isArray(r.roles) &&
        (r.roles as readonly Role[]).includes(role) &&
        /^[^:]*:memberId[^:]*$/.test(r.url),
    );

  it.each(['member', 'supporter'] as const)(
    'refuses a %s every member-addressed route for another member, and audits the refusal',
    async (role) => {
      const u = users.get(role) as TestUser;
      const routes = memberRoutes(role);
      expect(routes.length).toBeGreaterThan(role === 'member' ? 8 : 0);
      const denials = async () =>
        (
          await t.store.db
            .selectFrom('audit_event')
            .select('seq')
            .where('actor_id', '=', u.userId)
            .where('member_id', '=', 'M-SOMEONE-ELSE')
            .where('outcome', '=', 'denied')
            .execute()
        ).length;
      for (const r of routes) {
        const before = await denials();
        const url = r.url.replace(':memberId', 'M-SOMEONE-ELSE');
        const res = await t.app.inject({ method: 'GET', url, headers: u.headers });
        expect([403, 404], `${role} GET ${r.url} → ${res.statusCode}`).toContain(res.statusCode);
        expect(await denials(), `${role} GET ${r.url} left no denial`).toBeGreaterThan(before);
      }
    },
  );

  it('lets the member past the access check on the same routes for their own id', async () => {
    const u = users.get('member') as TestUser;
    for (const r of memberRoutes('member')) {
      const res = await t.app.inject({
        method: 'GET',
        url: r.url.replace(':memberId', 'M-TEST'),
        headers: u.headers,
      });
      expect(res.statusCode, `member GET ${r.url} → ${res.body}`).not.toBe(403);
      expect(res.statusCode).toBeLessThan(500);
    }
  });
});
