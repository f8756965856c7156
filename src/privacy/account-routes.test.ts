import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedCase } from '../outreach/cases/seed-case.ts';
import { buildTestApp, type TestApp, type TestUser } from '../testing/test-app.ts';

let t: TestApp;
let cm: TestUser;
const memberId = 'M-ACCOUNT-1';
const birthDate = '1990-04-17';
const password = 'a long enough password';

beforeAll(async () => {
  t = await buildTestApp();
  cm = await t.logIn('case_manager');
  await seedCase(t.store.db, { memberId, assignedTo: cm.userId });
  await t.warehouse.run(
    `insert into member (member_id, state, zip, birth_date, batch_id) values ($1, 'NJ', '07001', cast($2 as date), 'test')`,
    [memberId, birthDate],
  );
});
afterAll(async () => {
  await t.close();
});

let address = 0;
/** Each test's requests come from their own address, since wrong codes are throttled by address. */
let remoteAddress = '10.0.0.1';
beforeEach(() => {
  address += 1;
  remoteAddress = `10.0.0.${address}`;
});

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers, remoteAddress });

async function giveCode(): Promise<string> {
  const res = await post(`/api/members/${memberId}/activation-code`, {}, cm.headers);
  expect(res.statusCode, res.body).toBe(201);
  const { code } = res.json<{ code: string }>();
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  return code;
}

async function signIn(username: string) {
  const res = await post('/api/auth/login', { username, password });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

describe('member accounts open with a one-time code and the date of birth', () => {
  it('refuses a wrong date of birth, then opens the account once; the code never works again', async () => {
    const code = await giveCode();
    const lookup = await post('/api/auth/activation/lookup', { code: code.toLowerCase() });
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect(lookup.json().role).toBe('member');
    const wrong = await post('/api/auth/activate', {
      code,
      username: 'mia.r',
      password,
      birthDate: '1990-04-18',
    });
    expect(wrong.statusCode).toBe(401);
    const opened = await post('/api/auth/activate', {
      code: code.replaceAll('-', ' '),
      username: 'mia.r',
      password,
      birthDate,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toEqual({ username: 'mia.r', role: 'member' });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: await signIn('mia.r') });
    expect(me.json()).toMatchObject({ role: 'member', memberId });
    const again = await post('/api/auth/activate', { code, username: 'mia.two', password, birthDate });
    expect(again.statusCode).toBe(401);
    expect(again.json().message).toMatch(/does not open an account/);
    // The case manager sees the account, and cannot give a second one.
    const status = await t.app.inject({
      method: 'GET',
      url: `/api/members/${memberId}/app-account`,
      headers: cm.headers,
    });
    expect(status.json()).toEqual({ hasAccount: true, codeExpiresAt: null });
    const second = await post(`/api/members/${memberId}/activation-code`, {}, cm.headers);
    expect(second.statusCode).toBe(409);
    const audit = await t.store.db
      .selectFrom('audit_event')
      .select(['action', 'outcome', 'member_id', 'actor_username'])
      .where('resource_type', '=', 'Account')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', outcome: 'success', member_id: memberId }),
        expect.objectContaining({ action: 'activate', outcome: 'denied', member_id: null }),
        expect.objectContaining({ action: 'activate', outcome: 'success', actor_username: 'mia.r' }),
      ]),
    );
  });

  it('keeps only the newest code, and revokes a code after five wrong dates of birth', async () => {
    const other = 'M-ACCOUNT-2';
    await seedCase(t.store.db, { memberId: other, assignedTo: cm.userId });
    await t.warehouse.run(
      `insert into member (member_id, state, zip, birth_date, batch_id) values ($1, 'NJ', '07001', cast('1985-01-02' as date), 'test')`,
      [other],
    );
    const codeFor = async () =>
      (await post(`/api/members/${other}/activation-code`, {}, cm.headers)).json().code;
    const first = await codeFor();
    const second = await codeFor();
    expect((await post('/api/auth/activation/lookup', { code: first })).statusCode).toBe(401);
    for (let i = 0; i < 5; i += 1)
      await t.store.db
        .updateTable('account_activation')
        .set({ failed_attempts: i })
        .where('member_id', '=', other)
        .where('revoked_at', 'is', null)
        .execute();
    // The fifth wrong date (four on file) revokes the code: the right date no longer opens it.
    const wrong = await post('/api/auth/activate', {
      code: second,
      username: 'other.m',
      password,
      birthDate: '1985-01-03',
    });
    expect(wrong.statusCode).toBe(401);
    const right = await post('/api/auth/activate', {
      code: second,
      username: 'other.m',
      password,
      birthDate: '1985-01-02',
    });
    expect(right.statusCode).toBe(401);
  });

  it('refuses an address that keeps guessing codes', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 6; i += 1)
      answers.push((await post('/api/auth/activation/lookup', { code: `0000-0000-000${i}` })).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('lets only the member’s case manager give a code, and no one without a date of birth on file', async () => {
    const stranger = await t.logIn('case_manager');
    const refused = await post(`/api/members/${memberId}/activation-code`, {}, stranger.headers);
    expect(refused.statusCode).toBe(403);
    await seedCase(t.store.db, { memberId: 'M-NO-DOB', assignedTo: cm.userId });
    const noDob = await post('/api/members/M-NO-DOB/activation-code', {}, cm.headers);
    expect(noDob.statusCode).toBe(400);
    expect(noDob.json().message).toMatch(/no date of birth/);
  });
});

describe('a supporter opens their account from the member’s invitation', () => {
  it('links the account to the person the member named; it sees only what a consent shares', async () => {
    const member = await signIn('mia.r');
    const person = await post(
      `/api/members/${memberId}/support-network`,
      { name: 'Rosa', relationship: 'parent' },
      member,
    );
    expect(person.statusCode, person.body).toBe(201);
    const relatedPersonId = person.json().relatedPersonId as string;
    const invite = await post(`/api/related-persons/${relatedPersonId}/invitation`, {}, member);
    expect(invite.statusCode, invite.body).toBe(201);
    const { code } = invite.json<{ code: string }>();
    expect((await post('/api/auth/activation/lookup', { code })).json().role).toBe('supporter');
    const opened = await post('/api/auth/activate', { code, username: 'rosa.r', password });
    expect(opened.statusCode, opened.body).toBe(201);
    const rosa = await signIn('rosa.r');
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/supporter/members/${memberId}`,
      headers: rosa,
    });
    expect([403, 404]).toContain(before.statusCode);
    const network = await t.app.inject({
      method: 'GET',
      url: `/api/members/${memberId}/support-network`,
      headers: member,
    });
    expect(network.json().people[0]).toMatchObject({ name: 'Rosa', hasAccount: true });
    const twice = await post(`/api/related-persons/${relatedPersonId}/invitation`, {}, member);
    expect(twice.statusCode).toBe(409);
  });

  it('refuses an invitation to someone in another member’s network', async () => {
    const other = await t.logIn('member', { memberId: 'M-ACCOUNT-OTHER' });
    const rows = await t.store.db
      .withTables<{ related_person: { related_person_id: string; member_id: string } }>()
      .selectFrom('related_person')
      .select('related_person_id')
      .where('member_id', '=', memberId)
      .execute();
    const res = await post(
      `/api/related-persons/${rows[0]!.related_person_id}/invitation`,
      {},
      other.headers,
    );
    expect(res.statusCode).toBe(403);
  });
});
