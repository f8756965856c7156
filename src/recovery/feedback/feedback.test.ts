import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCase } from '../../outreach/cases/seed-case.ts';
import { buildTestApp, type TestApp, type TestUser } from '../../testing/test-app.ts';
import { answerFeedback, inviteToFeedback } from './feedback-store.ts';

let t: TestApp;
let analyst: TestUser;
const answers = { respected: 5, listened: 4, helped: 4, easy_to_reach: 3, recommend: 5 };

beforeAll(async () => {
  t = await buildTestApp();
  analyst = await t.logIn('analyst');
});
afterAll(async () => {
  await t.close();
});

const call = (user: TestUser, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: user.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

describe('feedback surveys', () => {
  it('lets the member answer once, field by field validated, and keeps no link from the answers to the member', async () => {
    await seedCase(t.store.db, { memberId: 'M-F0' });
    await inviteToFeedback(t.store.db, 'M-F0', 'discharge');
    await inviteToFeedback(t.store.db, 'M-F0', 'discharge');
    const member = await t.logIn('member', { memberId: 'M-F0' });
    const open = (await call(member, 'GET', '/api/members/M-F0/feedback')).json();
    expect(open.questions).toHaveLength(5);
    expect(open.surveys).toEqual([
      { invitationId: expect.any(String), milestone: 'discharge', respondent: 'member' },
    ]);
    const id = open.surveys[0].invitationId;
    const bad = await call(member, 'POST', `/api/feedback/${id}`, { answers: { ...answers, helped: 7 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('body.answers.helped');
    expect((await call(member, 'POST', `/api/feedback/${id}`, { answers })).statusCode).toBe(201);
    expect((await call(member, 'POST', `/api/feedback/${id}`, { answers })).statusCode).toBe(409);
    expect((await call(member, 'GET', '/api/members/M-F0/feedback')).json().surveys).toEqual([]);
    // Another member cannot answer this member's survey.
    const other = await t.logIn('member', { memberId: 'M-F9' });
    expect((await call(other, 'POST', `/api/feedback/${id}`, { answers })).statusCode).toBe(403);

    const columns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns where table_name = 'feedback_response'`.execute(
      t.store.db,
    );
    expect(columns.rows.map((c) => c.column_name).sort()).toEqual([
      'answers',
      'market',
      'milestone',
      'month',
      'respondent',
      'response_id',
    ]);
  });

  it('gives analytics means by milestone and respondent, suppressing every cell of 1–10 responses', async () => {
    const first = (await call(analyst, 'GET', '/api/analytics/feedback')).json();
    expect(first.cells).toEqual([
      { milestone: 'discharge', respondent: 'member', responses: null, means: null, suppressed: true },
    ]);
    for (let i = 1; i <= 10; i += 1) {
      const memberId = `M-F${i}`;
      await inviteToFeedback(t.store.db, memberId, 'discharge');
      const [inv] = (
        await sql<{ invitation_id: string }>`select invitation_id from feedback_invitation
          where member_id = ${memberId} and respondent = 'member'`.execute(t.store.db)
      ).rows;
      await answerFeedback(t.store.db, inv!.invitation_id, 'member', {
        ...answers,
        easy_to_reach: i % 2 ? 2 : 4,
      });
    }
    const after = (await call(analyst, 'GET', '/api/analytics/feedback')).json();
    expect(after.cells).toEqual([
      {
        milestone: 'discharge',
        respondent: 'member',
        responses: 11,
        means: { respected: 5, listened: 4, helped: 4, easy_to_reach: 3, recommend: 5 },
        suppressed: false,
      },
    ]);
    expect(JSON.stringify(after)).not.toMatch(/M-F/);
  });
});
