import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { seedCase } from '../../outreach/cases/seed-case.ts';
import { buildTestApp, type TestApp } from '../../testing/test-app.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import {
  createRequestAccess,
  type DataStores,
  type MemberAccessPolicy,
  type RequestAccess,
  type ResourceResolver,
} from './request-access.ts';
import type { App, RouteModule } from './route-module.ts';

describe('the door to member data, by type', () => {
  it('gives a route module nothing but the app: no store, no warehouse', () => {
    expectTypeOf<Parameters<RouteModule['register']>>().toEqualTypeOf<[app: App]>();
  });

  it('gives a handler no store handle on request.access', () => {
    type Reachable = keyof RequestAccess;
    expectTypeOf<'db' extends Reachable ? true : false>().toEqualTypeOf<false>();
    expectTypeOf<'warehouse' extends Reachable ? true : false>().toEqualTypeOf<false>();
    expectTypeOf<'store' extends Reachable ? true : false>().toEqualTypeOf<false>();
  });
});

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const user: SessionUser = {
  userId: 'u-door',
  username: 'door',
  role: 'case_manager',
  memberId: null,
  organization: null,
  displayName: null,
  csrfToken: '',
};

/** A policy that lets through one member only, and says so in the purpose. */
const onlyAllowed: MemberAccessPolicy = {
  async decide(_db, _user, request) {
    return request.memberId === 'M-ALLOWED'
      ? { allowed: true, purpose: 'treatment', includePart2: false }
      : { allowed: false, reason: 'not this one' };
  },
  purposeOf: () => 'operations',
};

function accessFor(requestId: string): RequestAccess {
  const stores: DataStores = { db: t.store.db, warehouse: t.warehouse };
  return createRequestAccess({ user, requestId, stores, policy: onlyAllowed });
}

async function eventsOf(requestId: string) {
  return t.store.db
    .selectFrom('audit_event')
    .select(['action', 'member_id', 'resource_type', 'resource_id', 'purpose', 'outcome', 'detail'])
    .where('request_id', '=', requestId)
    .orderBy('seq')
    .execute();
}

describe('request.access at run time', () => {
  it('never runs the handler’s function for a denied member, and audits the denial', async () => {
    let ran = false;
    const access = accessFor('door-denied-1');
    await expect(
      access.member('M-OTHER', { action: 'read', resourceType: 'Member' }, async () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(ran).toBe(false);
    expect(await eventsOf('door-denied-1')).toEqual([
      expect.objectContaining({ member_id: 'M-OTHER', outcome: 'denied', purpose: 'operations' }),
    ]);
  });

  it('hands the stores and the grant only to an allowed call, audited with the policy’s purpose', async () => {
    const access = accessFor('door-allowed-1');
    const got = await access.member(
      'M-ALLOWED',
      { action: 'read', resourceType: 'Member' },
      async (grant, s) => ({
        grant,
        hasStores: s.db === t.store.db && s.warehouse === t.warehouse,
      }),
    );
    expect(got).toEqual({
      grant: { memberId: 'M-ALLOWED', purpose: 'treatment', includePart2: false },
      hasStores: true,
    });
    expect(await eventsOf('door-allowed-1')).toEqual([
      expect.objectContaining({ member_id: 'M-ALLOWED', outcome: 'success', purpose: 'treatment' }),
    ]);
  });

  it('resolves a record to its member before the check, and answers hidden records as not found', async () => {
    const resolver: ResourceResolver<{ memberId: string; secret: string }> = {
      resourceType: 'Thing',
      notFound: 'There is no such thing.',
      hideWhenDenied: true,
      resolve: async (_stores, id) =>
        id === 'missing' ? undefined : { memberId: id === 'mine' ? 'M-ALLOWED' : 'M-OTHER', secret: id },
    };
    const access = accessFor('door-resource-1');
    expect(await access.resource(resolver, 'mine', 'read', async (r) => r.secret)).toBe('mine');
    await expect(access.resource(resolver, 'theirs', 'read', async (r) => r.secret)).rejects.toMatchObject({
      code: 'not_found',
      message: 'There is no such thing.',
    });
    await expect(access.resource(resolver, 'missing', 'read', async (r) => r.secret)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await eventsOf('door-resource-1')).map((e) => `${e.resource_id}:${e.outcome}`)).toEqual([
      'mine:success',
      'theirs:denied',
    ]);
  });

  it('audits a failed call as a failure, and a domain rule’s refusal as a denial', async () => {
    const access = accessFor('door-failure-1');
    await expect(
      access.member('M-ALLOWED', { action: 'update', resourceType: 'Member' }, async () => {
        throw new Error('the store went away');
      }),
    ).rejects.toThrow('the store went away');
    await expect(
      access.operation({ action: 'approve', resourceType: 'Request' }, async () => {
        throw new AppError('forbidden', 'Your role cannot approve this.');
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await eventsOf('door-failure-1')).map((e) => `${e.action}:${e.outcome}:${e.detail}`)).toEqual([
      'update:failure:internal',
      'approve:denied:forbidden',
    ]);
  });

  it('audits a list as one event with what it described, purpose from the policy', async () => {
    const access = accessFor('door-operation-1');
    const rows = await access.operation(
      { action: 'search', resourceType: 'Worklist' },
      async () => ['M-1', 'M-2'],
      (found) => found.join(','),
    );
    expect(rows).toEqual(['M-1', 'M-2']);
    expect(await eventsOf('door-operation-1')).toEqual([
      expect.objectContaining({
        action: 'search',
        member_id: null,
        purpose: 'operations',
        detail: 'M-1,M-2',
      }),
    ]);
  });

  it('refuses every door to a caller who is not signed in', async () => {
    const stores: DataStores = { db: t.store.db, warehouse: t.warehouse };
    const anonymous = createRequestAccess({
      user: null,
      requestId: 'door-anon',
      stores,
      policy: onlyAllowed,
    });
    let ran = false;
    const run = async () => {
      ran = true;
    };
    await expect(anonymous.nonMember(run)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(anonymous.operation({ action: 'search', resourceType: 'X' }, run)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(ran).toBe(false);
  });

  it('gives the real app’s handlers a door without store handles', async () => {
    const cm = await t.logIn('case_manager');
    await seedCase(t.store.db, { memberId: 'M-DOOR' });
    const res = await t.app.inject({ method: 'GET', url: '/api/worklist', headers: cm.headers });
    expect(res.statusCode).toBe(200);
    expect(t.accessKeys.at(-1)).toEqual(expect.not.arrayContaining(['db', 'warehouse', 'store']));
  });
});
