import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCase } from '../../outreach/cases/seed-case.ts';
import { addDays } from '../../platform/calendar/iso-days.ts';
import { expectValidFhir } from '../../testing/fhir-validator.ts';
import { buildTestApp, type TestApp, type TestUser } from '../../testing/test-app.ts';

let t: TestApp;
let cm: TestUser;
let otherCm: TestUser;
let supervisor: TestUser;
const today = new Date().toISOString().slice(0, 10);
const dischargedOn = addDays(today, -10);

beforeAll(async () => {
  t = await buildTestApp();
  cm = await t.logIn('case_manager');
  otherCm = await t.logIn('case_manager');
  supervisor = await t.logIn('supervisor');
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

/** A member in treatment: engaged on the first call, with an active treatment plan. */
async function memberInTreatment(memberId: string) {
  const caseId = await seedCase(t.store.db, { memberId, assignedTo: cm.userId });
  await call(cm, 'POST', `/api/cases/${caseId}/attempts`, {
    outcome: 'reached',
    referrals: [{ kind: 'moud_prescriber', status: 'accepted' }],
  });
  const plan = await call(cm, 'POST', `/api/members/${memberId}/care-plans`, {
    category: 'treatment',
    status: 'active',
    caseId,
    content: { title: 'Treatment plan', goals: [], careTeam: [] },
  });
  expect(plan.statusCode).toBe(201);
  const work = await call(cm, 'GET', `/api/cases/${caseId}`);
  return {
    caseId,
    treatmentPlanId: plan.json().planId as string,
    caseVersion: work.json().version as number,
  };
}

const discharge = (caseVersion: number, overrides: object = {}) => ({
  caseVersion,
  dischargedOn,
  fromLevelOfCare: '2.1',
  handoff: { to: 'Harbor Outpatient Clinic', npi: '1234567893', on: addDays(dischargedOn, 2) },
  plan: {
    title: 'Aftercare',
    goals: [
      {
        description: 'Weekly support group',
        measure: 'meetings attended',
        target: '4 a month',
        dueDate: addDays(today, 90),
        status: 'active',
      },
    ],
    careTeam: [{ role: 'counselor', name: 'Sam Ortiz' }],
    checkInCadence: 'weekly',
    crisisPlan: 'Call 988 or the plan’s crisis line; naloxone is in the kitchen drawer.',
  },
  services: [
    {
      category: 'counseling',
      service: 'individual',
      performerName: 'Harbor Outpatient Clinic',
      sessionsPerWeek: 1,
    },
    { category: 'supportive', service: 'housing', performerName: 'Oak Street Recovery Residence' },
    { category: 'supportive', service: 'support_group', performerName: 'SMART Recovery, Tuesday' },
  ],
  ...overrides,
});

describe('discharge into aftercare', () => {
  it('writes the aftercare plan, completes the treatment plan, moves the case and queues the hand-off and 7/30/90-day follow-ups', async () => {
    const { caseId, treatmentPlanId, caseVersion } = await memberInTreatment('M-A1');
    const res = await call(cm, 'POST', `/api/cases/${caseId}/discharge`, discharge(caseVersion));
    expect(res.statusCode, res.body).toBe(201);
    const { planId, followUps } = res.json();
    expect(followUps).toEqual([
      { kind: 'warm_handoff', dueOn: addDays(dischargedOn, 2) },
      { kind: 'day_7', dueOn: addDays(dischargedOn, 7) },
      { kind: 'day_30', dueOn: addDays(dischargedOn, 30) },
      { kind: 'day_90', dueOn: addDays(dischargedOn, 90) },
    ]);

    // The member and their family are asked for feedback at discharge.
    const invited = await t.store.db
      .withTables<{ feedback_invitation: { member_id: string; milestone: string; respondent: string } }>()
      .selectFrom('feedback_invitation')
      .select(['milestone', 'respondent'])
      .where('member_id', '=', 'M-A1')
      .orderBy('respondent')
      .execute();
    expect(invited).toEqual([
      { milestone: 'discharge', respondent: 'family' },
      { milestone: 'discharge', respondent: 'member' },
    ]);
    const work = (await call(cm, 'GET', `/api/cases/${caseId}/work`)).json();
    expect(work.stage).toBe('aftercare');
    const plans = (await call(cm, 'GET', '/api/members/M-A1/care-plans')).json().plans;
    const byId = new Map(plans.map((p: { planId: string }) => [p.planId, p]));
    expect(byId.get(treatmentPlanId)).toMatchObject({ status: 'completed', category: 'treatment' });
    expect(byId.get(planId)).toMatchObject({
      status: 'active',
      category: 'aftercare',
      content: { discharge: { fromLevelOfCare: '2.1', handoffTo: 'Harbor Outpatient Clinic' } },
    });
    expect((byId.get(planId) as { services: { service: string }[] }).services.map((s) => s.service)).toEqual([
      'individual',
      'housing',
      'support_group',
    ]);

    // On the queue: the hand-off and the 7-day follow-up are past their day (discharge was 10 days ago).
    const queue = (await call(cm, 'GET', '/api/recovery/follow-ups')).json().followUps;
    const mine = queue.filter((f: { memberId: string }) => f.memberId === 'M-A1');
    expect(mine.map((f: { kind: string; overdue: boolean }) => [f.kind, f.overdue])).toEqual([
      ['warm_handoff', true],
      ['day_7', true],
      ['day_30', false],
      ['day_90', false],
    ]);
    const overdue = (await call(supervisor, 'GET', '/api/recovery/follow-ups?overdue=true')).json().followUps;
    expect(overdue.filter((f: { memberId: string }) => f.memberId === 'M-A1')).toHaveLength(2);
    // Another case manager's queue does not show this member.
    const theirs = (await call(otherCm, 'GET', '/api/recovery/follow-ups')).json().followUps;
    expect(theirs.some((f: { memberId: string }) => f.memberId === 'M-A1')).toBe(false);

    // The 7-day contact: an outcome of the wrong kind is 400 naming the field; done twice is 409.
    const day7 = mine[1].followUpId;
    const wrong = await call(cm, 'POST', `/api/recovery/follow-ups/${day7}/complete`, {
      outcome: 'handoff_confirmed',
      note: 'spoke with member',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues).toEqual([{ path: 'outcome', message: 'reached or not_reached' }]);
    const done = await call(cm, 'POST', `/api/recovery/follow-ups/${day7}/complete`, {
      outcome: 'reached',
      note: 'Doing well; went to two groups.',
    });
    expect(done.statusCode, done.body).toBe(200);
    const twice = await call(cm, 'POST', `/api/recovery/follow-ups/${day7}/complete`, {
      outcome: 'reached',
      note: 'again',
    });
    expect(twice.statusCode).toBe(409);

    // FHIR: the outreach case and the four follow-ups as Tasks, valid R4, by patient and by id.
    const bundle = (await call(cm, 'GET', '/api/fhir/Task?patient=M-A1')).json();
    const tasks = bundle.entry.map((e: { resource: Record<string, unknown> }) => e.resource);
    expect(tasks).toHaveLength(5);
    for (const task of tasks) expectValidFhir(task);
    expect(tasks.find((x: { id: string }) => x.id === day7)).toMatchObject({
      status: 'completed',
      code: { coding: [{ code: 'day_7' }] },
      basedOn: [{ reference: `CarePlan/${planId}` }],
      partOf: [{ reference: `Task/${caseId}` }],
    });
    const one = await call(cm, 'GET', `/api/fhir/Task/${day7}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().id).toBe(day7);
    const caseTask = await call(cm, 'GET', `/api/fhir/Task/${caseId}`);
    expect(caseTask.json()).toMatchObject({
      id: caseId,
      businessStatus: { coding: [{ code: 'aftercare' }] },
    });
    expect((await call(otherCm, 'GET', `/api/fhir/Task/${day7}`)).statusCode).toBe(404);
  });

  it('refuses a discharge without a crisis plan, in the future or with a cold hand-off, field by field, and saves nothing', async () => {
    const { caseId, caseVersion } = await memberInTreatment('M-A2');
    const bad = discharge(caseVersion, {
      dischargedOn: addDays(today, 3),
      handoff: { to: 'Harbor', on: addDays(today, 30) },
    }) as ReturnType<typeof discharge>;
    bad.plan = { ...bad.plan, crisisPlan: ' ' };
    const res = await call(cm, 'POST', `/api/cases/${caseId}/discharge`, bad);
    expect(res.statusCode).toBe(400);
    const paths = res.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.plan.crisisPlan']));
    const stale = await call(cm, 'POST', `/api/cases/${caseId}/discharge`, discharge(caseVersion - 1));
    expect(stale.statusCode).toBe(409);
    const plans = (await call(cm, 'GET', '/api/members/M-A2/care-plans')).json().plans;
    expect(plans.filter((p: { category: string }) => p.category === 'aftercare')).toEqual([]);
    expect((await call(cm, 'GET', `/api/cases/${caseId}/work`)).json().stage).not.toBe('aftercare');
  });

  it('refuses a discharge whose hand-off is more than a week from it, and one in the future', async () => {
    const { caseId, caseVersion } = await memberInTreatment('M-A3');
    const cold = await call(
      cm,
      'POST',
      `/api/cases/${caseId}/discharge`,
      discharge(caseVersion, { handoff: { to: 'Harbor', on: addDays(dischargedOn, 8) } }),
    );
    expect(cold.statusCode).toBe(400);
    expect(cold.json().issues).toEqual([
      { path: 'body.handoff.on', message: 'within 7 days of the discharge' },
    ]);
    const future = await call(
      cm,
      'POST',
      `/api/cases/${caseId}/discharge`,
      discharge(caseVersion, { dischargedOn: addDays(today, 1), handoff: { to: 'Harbor', on: today } }),
    );
    expect(future.json().issues).toEqual([
      { path: 'body.dischargedOn', message: 'a discharge cannot be in the future' },
    ]);
  });
});
