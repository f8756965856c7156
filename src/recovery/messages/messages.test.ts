import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCase } from '../../outreach/cases/seed-case.ts';
import { buildTestApp, type TestApp, type TestUser } from '../../testing/test-app.ts';

let t: TestApp;
let member: TestUser;
let other: TestUser;
let cm: TestUser;
let otherCm: TestUser;
let supervisor: TestUser;
const memberId = 'M-MSG-1';
const path = `/api/members/${memberId}/messages`;

const call = (u: TestUser, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: u.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await buildTestApp();
  member = await t.logIn('member', { memberId });
  other = await t.logIn('member', { memberId: 'M-MSG-2' });
  cm = await t.logIn('case_manager');
  otherCm = await t.logIn('case_manager');
  supervisor = await t.logIn('supervisor');
  await seedCase(t.store.db, { memberId, assignedTo: cm.userId });
});
afterAll(async () => {
  await t.close();
});

describe('messages between a member and their care team', () => {
  it('carries a case manager message to the member and the reply back, each marked read by its reader', async () => {
    const sent = await call(cm, 'POST', path, { body: 'Hi, your first session is booked for Tuesday.' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ direction: 'to_member', readAt: null });

    const mine = (await call(member, 'GET', path)).json();
    expect(mine.unreadByMember).toBe(1);
    expect(mine.messages[0]).toMatchObject({
      direction: 'to_member',
      body: 'Hi, your first session is booked for Tuesday.',
    });

    expect((await call(member, 'POST', `${path}/read`, {})).json()).toEqual({ marked: 1 });
    const reply = await call(member, 'POST', path, { body: '  Thank you, I will be there.  ' });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({ direction: 'from_member', body: 'Thank you, I will be there.' });

    const thread = (await call(cm, 'GET', path)).json();
    expect(thread.messages.map((m: { direction: string }) => m.direction)).toEqual([
      'to_member',
      'from_member',
    ]);
    expect(thread).toMatchObject({ unreadByMember: 0, unreadByCareTeam: 1 });
    expect((await call(supervisor, 'GET', path)).statusCode).toBe(200);
    expect((await call(cm, 'POST', `${path}/read`, {})).json()).toEqual({ marked: 1 });
    expect((await call(cm, 'GET', path)).json().unreadByCareTeam).toBe(0);
  });

  it('refuses another member and a case manager without the member on their caseload, and audits it', async () => {
    expect((await call(other, 'GET', path)).statusCode).toBe(403);
    expect((await call(other, 'POST', path, { body: 'hello' })).statusCode).toBe(403);
    expect((await call(otherCm, 'GET', path)).statusCode).toBe(403);
    const denied = await t.store.db
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('member_id', '=', memberId)
      .where('resource_type', '=', 'Communication')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an empty or overlong message with a clear error, and stores nothing', async () => {
    const before = (await call(cm, 'GET', path)).json().messages.length;
    expect((await call(member, 'POST', path, { body: '   ' })).statusCode).toBe(400);
    const long = await call(member, 'POST', path, { body: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('validation_failed');
    expect((await call(cm, 'GET', path)).json().messages.length).toBe(before);
  });
});
