import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testPassword } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('sign in and out', () => {
  it('signs in, answers /api/me with the role, and signs out so the cookie stops working', async () => {
    const u = await t.logIn('case_manager');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: u.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: u.username, role: 'case_manager', csrfToken: u.csrfToken });
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: u.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: u.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const u = await t.logIn('analyst');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: testPassword },
    });
    const cookie = res.cookies.find((c) => c.name === 'checkpoint_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const u = await t.logIn('supervisor');
    const before = t.handlerCalls.length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: u.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(t.handlerCalls.slice(before)).toEqual([]);
  });
});

describe('/api/me for facility staff', () => {
  const me = async (u: { cookie: string }) =>
    (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: u.cookie } })).json();

  it('gives a facility user the NPI of their facility, at sign-in and after', async () => {
    const staff = await t.logIn('facility_staff', { organization: '2981000070' });
    expect(await me(staff)).toMatchObject({ role: 'facility_staff', facilityNpi: '2981000070' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: staff.username, password: testPassword },
    });
    expect(login.json()).toMatchObject({ facilityNpi: '2981000070' });
  });

  it('gives null to facility staff whose organization is a name, not an NPI', async () => {
    const staff = await t.logIn('facility_staff', { organization: 'Harbor Recovery Center' });
    expect((await me(staff)).facilityNpi).toBeNull();
  });

  it('gives null to everyone else, even with a ten-digit organization', async () => {
    const reviewer = await t.logIn('um_reviewer', { organization: '2981000070' });
    expect(await me(reviewer)).toMatchObject({ role: 'um_reviewer', facilityNpi: null });
    const member = await t.logIn('member');
    expect((await me(member)).facilityNpi).toBeNull();
  });
});
