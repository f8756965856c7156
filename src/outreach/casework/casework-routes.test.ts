import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../testing/fhir-validator.ts';
import { buildTestApp, type TestApp, type TestUser } from '../../testing/test-app.ts';
import { createCaseDisposer } from '../cases/case-disposer.ts';
import { seedCase } from '../cases/seed-case.ts';

let t: TestApp;
let cm: TestUser;
let supervisor: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  cm = await t.logIn('case_manager');
  supervisor = await t.logIn('supervisor');
});
afterAll(async () => {
  await t.close();
});

async function work(caseId: string, user: TestUser = cm) {
  const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/work`, headers: user.headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function attempt(caseId: string, payload: Record<string, unknown>, user: TestUser = cm) {
  return t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/attempts`,
    headers: user.headers,
    payload,
  });
}

describe('attempts and the lifecycle', () => {
  it('moves a new case to engaged on a reached call with an accepted MOUD referral, and records history', async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-A1' });
    expect((await work(caseId)).stage).toBe('new');
    const res = await attempt(caseId, {
      outcome: 'reached',
      notes: 'Talked about options',
      referrals: [{ kind: 'moud_prescriber', status: 'accepted' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().case.stage).toBe('engaged');
    const after = await work(caseId);
    expect(after.attempts).toHaveLength(1);
    expect(after.referrals[0]).toMatchObject({ kind: 'moud_prescriber', status: 'accepted' });
    expect(after.history.map((h: { kind: string }) => h.kind)).toEqual([
      'attempt',
      'referral',
      'assigned',
      'stage',
    ]);
    expect(after.history[3]).toMatchObject({ from: 'new', to: 'engaged', actor: cm.username });
    expect(after.assignedTo).toBe(cm.userId);
    expect(after.firstAttemptAt).not.toBeNull();
  });

  it('proposes a letter after three failed attempts', async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-A2' });
    for (const outcome of ['no_answer', 'voicemail'])
      expect((await attempt(caseId, { outcome })).statusCode).toBe(201);
    expect((await work(caseId)).nextAction.kind).toBe('call');
    const third = await attempt(caseId, { outcome: 'wrong_number' });
    expect(third.json().nextAction.kind).toBe('letter');
    expect((await work(caseId)).stage).toBe('outreach');
  });

  it('closes the case as declined, which the checkpoint reads to suppress re-identification', async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-A3' });
    expect((await attempt(caseId, { outcome: 'declined' })).json().case).toMatchObject({
      stage: 'closed',
      status: 'closed',
    });
    const row = await t.store.db
      .selectFrom('outreach_case' as never)
      .select(['status' as never, 'close_reason' as never])
      .where('case_id' as never, '=', caseId as never)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'closed', close_reason: 'declined' });
    expect((await attempt(caseId, { outcome: 'reached' })).statusCode).toBe(409);
  });

  it("a member's decline on the call keeps the next checkpoint run from reopening a case (RISK-RULES §7)", async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-A7' });
    await attempt(caseId, { outcome: 'declined' });
    const today = new Date().toISOString().slice(0, 10);
    const decisions = await createCaseDisposer(t.store.db).dispose(
      { runId: 'run-decline', asOf: today, ruleVersion: '2026.1', factorSet: 'cdc-2022' },
      [
        {
          memberId: 'M-A7',
          market: 'NJ',
          priority: 60,
          latestEmergency: today,
          emergencies: [{ kind: 'ED_VISIT', date: today, claimId: 'C-1' }],
          riskFactors: [{ code: 'OUD_DIAGNOSIS', value: 1, evidence: ['C-0'] }],
          exclusions: [],
          context: [],
        },
      ],
    );
    expect(decisions.get('M-A7')).toMatchObject({ disposition: 'suppressed', reason: 'DECLINED_RECENTLY' });
  });

  it('rejects an unknown outcome with the field named', async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-A4' });
    const res = await attempt(caseId, { outcome: 'hung_up' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().issues)).toContain('outcome');
  });

  it('refuses a stale stage change with 409 and accepts the fresh one', async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-A5' });
    const { version } = await work(caseId);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/stage`,
      headers: cm.headers,
      payload: { stage: 'outreach', version },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/close`,
      headers: cm.headers,
      payload: { reason: 'unreachable', version },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('moves the case to in treatment when a referral is attended, and refuses going back', async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-A6' });
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/referrals`,
      headers: cm.headers,
      payload: { kind: 'virtual_behavioral_care' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().case.stage).toBe('new');
    const referralId = created.json().referralId;
    const patch = (status: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/referrals/${referralId}`,
        headers: cm.headers,
        payload: { status },
      });
    expect((await patch('scheduled')).json().case.stage).toBe('engaged');
    expect((await patch('attended')).json().case.stage).toBe('in_treatment');
    expect((await patch('proposed')).statusCode).toBe(409);
  });
});

describe('access', () => {
  it('refuses an analyst before the handler runs', async () => {
    const analyst = await t.logIn('analyst');
    const caseId = await seedCase(t.store.db, { memberId: 'M-B1' });
    const before = t.handlerCalls.length;
    const res = await attempt(caseId, { outcome: 'reached' }, analyst);
    expect(res.statusCode).toBe(403);
    expect(t.handlerCalls.slice(before)).toEqual([]);
  });

  it("refuses a case manager a case on someone else's caseload, and audits the denial", async () => {
    const other = await t.logIn('case_manager');
    const caseId = await seedCase(t.store.db, { memberId: 'M-B2', assignedTo: other.userId });
    const res = await attempt(caseId, { outcome: 'reached' });
    expect(res.statusCode).toBe(403);
    const denied = await t.store.db
      .selectFrom('audit_event')
      .select(['outcome', 'member_id'])
      .where('actor_id', '=', cm.userId)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toContainEqual({ outcome: 'denied', member_id: 'M-B2' });
  });

  it('refuses a state change without the CSRF header', async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-B3' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/attempts`,
      headers: { cookie: cm.cookie },
      payload: { outcome: 'reached' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('supervisors', () => {
  it('reassigns a case, shows it in caseloads, and a case manager cannot reassign', async () => {
    const target = await t.logIn('case_manager');
    const caseId = await seedCase(t.store.db, { memberId: 'M-C1' });
    const { version } = await work(caseId, supervisor);
    const denied = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/assignment`,
      headers: cm.headers,
      payload: { assigneeId: target.userId, version },
    });
    expect(denied.statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/assignment`,
      headers: supervisor.headers,
      payload: { assigneeId: target.userId, version },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().assignedTo).toBe(target.userId);
    const loads = await t.app.inject({
      method: 'GET',
      url: '/api/supervisor/caseloads',
      headers: supervisor.headers,
    });
    const mine = loads.json().caseloads.find((c: { userId: string | null }) => c.userId === target.userId);
    expect(mine.open).toBe(1);
    expect((await work(caseId, supervisor)).history.at(-1)).toMatchObject({
      kind: 'assigned',
      to: target.username,
    });
  });

  it("counts today's outcomes by outcome and by case manager", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/supervisor/outcomes',
      headers: supervisor.headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.byOutcome.reached).toBeGreaterThanOrEqual(1);
    expect(body.attempts).toBe(
      Object.values(body.byOutcome as Record<string, number>).reduce((a, b) => a + b, 0),
    );
  });

  it('lists open cases without an attempt past the 2-business-day service level', async () => {
    const old = new Date(Date.now() - 10 * 86_400_000);
    const caseId = await seedCase(t.store.db, { memberId: 'M-C2' });
    await t.store.db
      .updateTable('outreach_case' as never)
      .set({ opened_at: old } as never)
      .where('case_id' as never, '=', caseId as never)
      .execute();
    const fresh = await seedCase(t.store.db, { memberId: 'M-C3' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/supervisor/past-service-level',
      headers: supervisor.headers,
    });
    const ids = res.json().items.map((i: { caseId: string }) => i.caseId);
    expect(ids).toContain(caseId);
    expect(ids).not.toContain(fresh);
  });
});

describe('FHIR views', () => {
  it('reads a case as a Task with businessStatus, attempts as Communication, referrals as ServiceRequest', async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-D1' });
    await attempt(caseId, { outcome: 'reached', referrals: [{ kind: 'support_group', status: 'accepted' }] });
    const task = await t.app.inject({ method: 'GET', url: `/api/fhir/Task/${caseId}`, headers: cm.headers });
    expect(task.json()).toMatchObject({
      resourceType: 'Task',
      businessStatus: { coding: [{ code: 'engaged' }] },
    });
    const bundle = await t.app.inject({
      method: 'GET',
      url: `/api/fhir/Task/${caseId}/$everything`,
      headers: cm.headers,
    });
    const types = bundle
      .json()
      .entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType);
    expect(types).toEqual(['Task', 'Communication', 'ServiceRequest']);
    await expectValidFhir(task.json());
    await expectValidFhir(bundle.json());
    for (const entry of bundle.json().entry) await expectValidFhir(entry.resource);
  });
});

describe('worklist search', () => {
  it('finds a case by part of the member name or the start of the id, and treats % literally', async () => {
    await t.warehouse.run(
      `insert into member (member_id, first_name, last_name, batch_id) values ('M-S1', 'Rosa', 'Searchable', 'b'), ('M-S2', 'Ana', 'Other', 'b')`,
    );
    const caseId = await seedCase(t.store.db, { memberId: 'M-S1' });
    await seedCase(t.store.db, { memberId: 'M-S2' });
    const search = (text: string) =>
      t.app.inject({ method: 'POST', url: '/api/worklist/search', headers: cm.headers, payload: { text } });
    const byName = await search('searchab');
    expect(byName.statusCode).toBe(200);
    expect(byName.json().items).toEqual([
      { caseId, memberId: 'M-S1', memberName: 'Rosa Searchable', status: 'open', priority: 50 },
    ]);
    expect((await search('m-s1')).json().items.map((i: { memberId: string }) => i.memberId)).toEqual([
      'M-S1',
    ]);
    expect((await search('%%')).json().items).toEqual([]);
  });
});
