import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testPassword } from '../../testing/test-app.ts';
import { addUser } from './users.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const login = (username: string, password: string, cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    ...(cookie ? { headers: { cookie } } : {}),
  });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

describe('sessions', () => {
  it('issues a new session id at login and retires the one the browser came with (no fixation)', async () => {
    const planted = await t.logIn('case_manager');
    const victim = await t.logIn('supervisor');
    const res = await login(victim.username, testPassword, planted.cookie);
    expect(res.statusCode).toBe(200);
    const fresh = res.cookies.find((c) => c.name === 'checkpoint_session')?.value;
    expect(fresh).toBeDefined();
    expect(planted.cookie).not.toContain(fresh);
    expect((await me(planted.cookie)).statusCode).toBe(401);
    expect((await me(`checkpoint_session=${fresh}`)).json().username).toBe(victim.username);
  });

  it('refuses an expired session', async () => {
    const u = await t.logIn('analyst');
    await t.store.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', u.userId)
      .execute();
    expect((await me(u.cookie)).statusCode).toBe(401);
  });

  it('refuses a session idle for more than 30 minutes', async () => {
    const u = await t.logIn('analyst');
    await t.store.db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('user_id', '=', u.userId)
      .execute();
    expect((await me(u.cookie)).statusCode).toBe(401);
  });

  it('refuses a revoked session', async () => {
    const u = await t.logIn('admin');
    expect((await me(u.cookie)).statusCode).toBe(200);
    await t.store.db
      .updateTable('user_session')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', u.userId)
      .execute();
    expect((await me(u.cookie)).statusCode).toBe(401);
  });

  it('refuses a forged session cookie', async () => {
    expect((await me('checkpoint_session=forged-value')).statusCode).toBe(401);
  });
});

describe('sign-in attempts', () => {
  it('answers a wrong password and an unknown user with the same status and message', async () => {
    await addUser(t.store.db, { username: 'same-answer', role: 'analyst', password: testPassword });
    const wrong = await login('same-answer', 'not the password at all');
    const unknown = await login('nobody-by-this-name', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('takes about as long for an unknown user as for a wrong password (no timing oracle)', async () => {
    await addUser(t.store.db, { username: 'timing-known', role: 'analyst', password: testPassword });
    const time = async (name: string) => {
      const start = performance.now();
      await login(name, 'wrong password here');
      return performance.now() - start;
    };
    // The first unknown user makes the dummy hash once: warm it up, then take medians of
    // interleaved runs so a burst of load on a shared machine moves neither side alone.
    await time('timing-unknown-warm-up');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time('timing-known'));
      unknown.push(await time(`timing-unknown-${i}`));
    }
    const median = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return ((sorted[1] as number) + (sorted[2] as number)) / 2;
    };
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });

  it('locks a username after 5 failures, even the right password then gets 429', async () => {
    await addUser(t.store.db, { username: 'brute-forced', role: 'analyst', password: testPassword });
    for (let i = 0; i < 4; i++) expect((await login('brute-forced', `guess-${i}`)).statusCode).toBe(401);
    expect((await login('brute-forced', 'guess-5')).statusCode).toBe(429);
    const right = await login('brute-forced', testPassword);
    expect(right.statusCode).toBe(429);
    expect(right.cookies.find((c) => c.name === 'checkpoint_session')).toBeUndefined();
    const row = await t.store.db
      .selectFrom('app_user')
      .select(['failed_logins', 'locked_until'])
      .where('username', '=', 'brute-forced')
      .executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(5);
    expect(row.locked_until?.getTime()).toBeGreaterThan(Date.now());
  });

  it('locks an unknown username the same way, so a lockout reveals nothing', async () => {
    for (let i = 0; i < 4; i++) expect((await login('ghost-user', `guess-${i}`)).statusCode).toBe(401);
    expect((await login('ghost-user', 'guess-5')).statusCode).toBe(429);
  });

  it('audits failed sign-ins', async () => {
    const denied = await t.store.db
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('action', '=', 'login')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(10);
  });
});
