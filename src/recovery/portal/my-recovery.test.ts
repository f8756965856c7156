import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCase } from '../../outreach/cases/seed-case.ts';
import { buildTestApp, type TestApp, type TestUser } from '../../testing/test-app.ts';

let t: TestApp;
let member: TestUser;
let cm: TestUser;
const memberId = 'M-PORTAL-1';

beforeAll(async () => {
  t = await buildTestApp();
  member = await t.logIn('member', { memberId });
  cm = await t.logIn('case_manager');
  await seedCase(t.store.db, { memberId, assignedTo: cm.userId });
});
afterAll(async () => {
  await t.close();
});

describe("the member's own app", () => {
  it('gives the member their recovery record, with a check-in due until they check in', async () => {
    const first = await t.app.inject({
      method: 'GET',
      url: `/api/members/${memberId}/my-recovery`,
      headers: member.headers,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ lastCheckIn: null, checkInDue: true, cadenceDays: 7 });
    const checkIn = await t.app.inject({
      method: 'POST',
      url: `/api/members/${memberId}/check-ins`,
      headers: member.headers,
      payload: { mood: 3, craving: 2, usedLast7Days: false, sleep: 'well', needs: [], safetyConcern: false },
    });
    expect(checkIn.statusCode, checkIn.body).toBe(201);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/members/${memberId}/my-recovery`,
      headers: member.headers,
    });
    expect(after.json().checkInDue).toBe(false);
  });

  it('shows who looked at my record: the case manager by role and name, me as me', async () => {
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/members/${memberId}/check-ins`,
      headers: cm.headers,
    });
    expect(read.statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/members/${memberId}/access-history`,
      headers: member.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const entries = res.json().entries as {
      role: string;
      username: string | null;
      self: boolean;
      action: string;
      resourceType: string;
    }[];
    expect(entries).toContainEqual(
      expect.objectContaining({ role: 'member', username: null, self: true, resourceType: 'RecoveryRecord' }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        role: 'case_manager',
        username: cm.username,
        self: false,
        action: 'read',
        resourceType: 'QuestionnaireResponse',
      }),
    );
  });

  it("refuses another member's record", async () => {
    for (const url of [`/api/members/${memberId}/my-recovery`, `/api/members/${memberId}/access-history`]) {
      const other = await t.logIn('member', { memberId: 'M-SOMEONE-ELSE' });
      const res = await t.app.inject({ method: 'GET', url, headers: other.headers });
      expect([403, 404]).toContain(res.statusCode);
    }
  });
});

describe('steps toward a goal', () => {
  it('lets the member tick a step of their own plan done and untick it, as a new version by them; no one else', async () => {
    const plan = await t.app.inject({
      method: 'POST',
      url: `/api/members/${memberId}/care-plans`,
      headers: cm.headers,
      payload: {
        category: 'treatment',
        status: 'active',
        content: {
          title: 'Plan',
          goals: [
            {
              description: 'Find stable housing',
              measure: 'housing status',
              target: 'stable housing',
              dueDate: '2099-01-01',
              status: 'active',
              steps: [{ text: 'Call the housing counselor' }, { text: 'Gather my papers' }],
            },
          ],
          careTeam: [],
        },
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const mine = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/members/${memberId}/my-recovery`,
          headers: member.headers,
        })
      ).json().record.goals as {
        planId: string;
        goalId: string;
        steps: { stepId: string; text: string; doneOn: string | null }[];
      }[];
    const [goal] = await mine();
    expect(goal?.steps.map((s) => s.doneOn)).toEqual([null, null]);
    const url = `/api/care-plans/${goal!.planId}/goals/${goal!.goalId}/steps/${goal!.steps[0]!.stepId}`;
    const done = await t.app.inject({
      method: 'POST',
      url,
      headers: member.headers,
      payload: { done: true },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await mine())[0]?.steps.map((s) => s.doneOn !== null)).toEqual([true, false]);
    const version = await t.store.db
      .withTables<{ care_plan_version: { plan_id: string; version: number; changed_by_username: string } }>()
      .selectFrom('care_plan_version')
      .select(['version', 'changed_by_username'])
      .where('plan_id', '=', goal!.planId)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    expect(version).toEqual({ version: 2, changed_by_username: member.username });
    const undone = await t.app.inject({
      method: 'POST',
      url,
      headers: member.headers,
      payload: { done: false },
    });
    expect(undone.statusCode).toBe(200);
    expect((await mine())[0]?.steps.map((s) => s.doneOn)).toEqual([null, null]);

    const other = await t.logIn('member', { memberId: 'M-SOMEONE-ELSE' });
    const refused = await t.app.inject({
      method: 'POST',
      url,
      headers: other.headers,
      payload: { done: true },
    });
    expect(refused.statusCode).toBe(403);
    const noStep = await t.app.inject({
      method: 'POST',
      url: `/api/care-plans/${goal!.planId}/goals/${goal!.goalId}/steps/nope`,
      headers: member.headers,
      payload: { done: true },
    });
    expect(noStep.statusCode).toBe(404);
  });
});
