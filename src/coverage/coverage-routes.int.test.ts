import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCase } from '../outreach/cases/seed-case.ts';
import { expectValidFhir } from '../testing/fhir-validator.ts';
import { buildTestApp, type TestApp, type TestUser } from '../testing/test-app.ts';
import { buildDemoNetwork } from './demo/demo-network.ts';
import { makePasBundle } from './fhir/pas-fixtures.ts';
import { seedDemoCoverage } from './plans/plan-store.ts';
import { makeDetoxRequest, makeDetoxRequestReceivedOn } from './preauth/fixtures.ts';
import { insertTestMedicalClaim } from './testing-warehouse.ts';

let t: TestApp;
let caseManager: TestUser;
let facility: TestUser;
let otherFacility: TestUser;
let reviewer: TestUser;
let member: TestUser;
const detox = buildDemoNetwork().find((e) => e.id === 'net-md-1')!; // Lanternway, Baltimore: in network for every plan
// Dated from today so the plan year and the report windows hold them on any day the suite runs.
const today = new Date().toISOString().slice(0, 10);
const year = today.slice(0, 4);

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemoCoverage(t.store.db);
  await t.warehouse.run(
    `insert into enrollment (member_id, start_date, end_date, line_of_business, plan_type, plan_id, batch_id)
     values ('M-0001', cast($1 as date), null, 'commercial', 'HMO', 'CKP-HMO-100', 'test')`,
    [`${year}-01-01`],
  );
  // $200 of the $500 deductible met this plan year.
  await insertTestMedicalClaim(t.warehouse, {
    claimId: 'Y1',
    memberId: 'M-0001',
    date: today,
    deductible: 200,
  });
  await insertTestMedicalClaim(t.warehouse, {
    claimId: 'DX1',
    memberId: 'M-0002',
    date: today,
    lines: [{ procedureCode: 'H0014' }],
  });
  await t.warehouse.run(
    `insert into member (member_id, state, zip, county_fips, batch_id) values ('M-0001', 'MD', '21205', '24510', 'test')`,
  );
  await seedCase(t.store.db, { memberId: 'M-0001' });
  caseManager = await t.logIn('case_manager');
  facility = await t.logIn('facility_staff', { organization: detox.npi });
  otherFacility = await t.logIn('facility_staff', { organization: '2981000013' });
  reviewer = await t.logIn('um_reviewer');
  member = await t.logIn('member', { memberId: 'M-0001' });
});
afterAll(async () => t.close());

const post = (user: TestUser, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: user.headers, payload: payload as Record<string, unknown> });
const get = (user: TestUser, url: string) => t.app.inject({ method: 'GET', url, headers: user.headers });

describe('the demo flow: find care, estimate cost, submit, decide, see the result', () => {
  let authorizationId = '';

  it('finds an in-network ambulatory detox in Maryland for the member’s HMO', async () => {
    const res = await get(
      caseManager,
      '/api/coverage/directory?market=MD&type=ambulatory-detox&planId=CKP-HMO-100&inNetworkOnly=true',
    );
    expect(res.statusCode).toBe(200);
    expect(
      res.json().items.map((i: { id: string; networkStatus: string }) => [i.id, i.networkStatus]),
    ).toEqual([['net-md-1', 'in']]);
  });

  it('lists in-network detox near the member, from their address and plan', async () => {
    const res = await get(caseManager, '/api/members/M-0001/care-options?type=ambulatory-detox');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ market: 'MD', zip: '21205', planId: 'CKP-HMO-100' });
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual(['net-md-1']);
  });

  it('estimates the member’s cost from the deductible already met, in and out of network side by side', async () => {
    const res = await post(caseManager, '/api/members/M-0001/cost-estimate', {
      facilityId: detox.id,
      hasReferral: true,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // 5 days × $300: $300 deductible left + 20% of $1,200 = $540. An HMO pays nothing out of network.
    expect(body.facility).toMatchObject({ networkStatus: 'in' });
    expect(body.atThisFacility.memberPays).toBe(540);
    expect(body.inNetwork.deductibleRemaining).toEqual({ before: 300, after: 0 });
    expect(body.outOfNetwork.planPays).toBe(0);
    expect(body.atThisFacility.assumptions.join(' ')).toContain('preauthorization');
  });

  it('lets the facility submit, and starts a 7-day clock for a standard request', async () => {
    const res = await post(
      facility,
      '/api/preauthorizations',
      makeDetoxRequestReceivedOn(undefined, { facility: { npi: detox.npi, name: detox.name } }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    authorizationId = body.id;
    expect(body.status).toBe('submitted');
    expect(Date.parse(body.clock.dueAt) - Date.parse(body.receivedAt)).toBe(7 * 24 * 3_600_000);
    expect(body.clock.state).toBe('running');
  });

  it('shows the request in the reviewer’s queue with its clock and the criteria', async () => {
    const res = await get(reviewer, '/api/preauthorizations/queue');
    const item = res.json().items.find((i: { id: string }) => i.id === authorizationId);
    expect(item).toMatchObject({ status: 'submitted', suggestion: 'approve', clock: { state: 'running' } });
    expect(item.criteria).toHaveLength(8);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const res = await post(reviewer, `/api/preauthorizations/${authorizationId}/actions`, {
      version: 99,
      action: { kind: 'start-review' },
    });
    expect(res.statusCode).toBe(409);
    expect((await get(reviewer, `/api/preauthorizations/${authorizationId}`)).json().status).toBe(
      'submitted',
    );
  });

  it('refuses an illegal transition with a clear error', async () => {
    const res = await post(reviewer, `/api/preauthorizations/${authorizationId}/actions`, {
      version: 1,
      action: { kind: 'approve' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('Cannot approve a request that is submitted.');
  });

  it('does not let the facility decide its own request', async () => {
    const res = await post(facility, `/api/preauthorizations/${authorizationId}/actions`, {
      version: 1,
      action: { kind: 'approve' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('lets the reviewer review and approve within the clock', async () => {
    const review = await post(reviewer, `/api/preauthorizations/${authorizationId}/actions`, {
      version: 1,
      action: { kind: 'start-review' },
    });
    expect(review.json()).toMatchObject({ status: 'in_review', version: 2 });
    const res = await post(reviewer, `/api/preauthorizations/${authorizationId}/actions`, {
      version: 2,
      action: { kind: 'approve' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      clock: { state: 'met' },
      decision: { approvedUnits: [5] },
    });
  });

  it('shows the member their approval and their own notices, without clinical detail', async () => {
    const res = await get(member, '/api/members/M-0001/preauthorizations');
    expect(res.statusCode).toBe(200);
    const [item] = res.json().items;
    expect(item).toMatchObject({ id: authorizationId, status: 'approved', clinical: null, criteria: [] });
    expect(item.notifications.every((n: { recipient: string }) => n.recipient === 'member')).toBe(true);
    expect(item.notifications.at(-1).message).toContain('approved: 5 of 5 units');
  });

  it('shows the facility the decision, but not to another facility', async () => {
    expect((await get(facility, '/api/facility/preauthorizations')).json().items[0]).toMatchObject({
      status: 'approved',
    });
    expect((await get(otherFacility, `/api/preauthorizations/${authorizationId}`)).statusCode).toBe(404);
    expect((await get(otherFacility, '/api/facility/preauthorizations')).json().items).toEqual([]);
  });
});

describe('submitting', () => {
  it('refuses a request for another facility’s NPI', async () => {
    const res = await post(
      otherFacility,
      '/api/preauthorizations',
      makeDetoxRequest({ facility: { npi: detox.npi, name: detox.name } }),
    );
    expect(res.statusCode).toBe(403);
  });

  it('refuses a case manager before the handler runs', async () => {
    const before = t.handlerCalls.length;
    const res = await post(caseManager, '/api/preauthorizations', makeDetoxRequest());
    expect(res.statusCode).toBe(403);
    expect(t.handlerCalls.slice(before)).toEqual([]);
  });

  it('names every missing field of an incomplete request', async () => {
    const { treatmentPlan: _, ...incomplete } = makeDetoxRequest({
      facility: { npi: detox.npi, name: detox.name },
    });
    const res = await post(facility, '/api/preauthorizations', { ...incomplete, services: [] });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['body.services', 'body.treatmentPlan']);
  });
});

describe('FHIR Claim/$submit (Da Vinci PAS)', () => {
  const fhir = (user: TestUser, payload: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/fhir/Claim/$submit',
      headers: { ...user.headers, 'content-type': 'application/fhir+json' },
      payload,
    });

  it('answers a PAS Bundle with a queued ClaimResponse, then the decision on inquiry', async () => {
    const res = await fhir(facility, JSON.stringify(makePasBundle({ npi: detox.npi, priority: 'stat' })));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const bundle = res.json();
    const response = bundle.entry[0].resource;
    expect(response).toMatchObject({
      resourceType: 'ClaimResponse',
      outcome: 'queued',
      request: { identifier: { value: 'FAC-REQ-77' } },
    });
    const id = response.preAuthRef;
    const queued = (await get(reviewer, `/api/preauthorizations/${id}`)).json();
    expect(queued).toMatchObject({ priority: 'expedited' });
    expect(Date.parse(queued.clock.dueAt) - Date.parse(queued.receivedAt)).toBe(72 * 3_600_000);
    await post(reviewer, `/api/preauthorizations/${id}/actions`, {
      version: 1,
      action: { kind: 'start-review' },
    });
    await post(reviewer, `/api/preauthorizations/${id}/actions`, {
      version: 2,
      action: {
        kind: 'partially-approve',
        approvedUnits: [3],
        reason: 'Three days first, then concurrent review with the COWS trend.',
      },
    });
    const answer = (await get(facility, `/api/fhir/ClaimResponse/${id}`)).json();
    expect(answer).toMatchObject({ outcome: 'complete', preAuthRef: id });
    expect(JSON.stringify(answer)).toContain('"code":"A6"');
    await expectValidFhir(answer);
  });

  it('answers a resent Claim with the request it already made, not a second one', async () => {
    const bundle = JSON.stringify(makePasBundle({ memberId: 'M-0009', npi: detox.npi }));
    const first = (await fhir(facility, bundle)).json().entry[0].resource.preAuthRef;
    const again = await fhir(facility, bundle);
    expect(again.statusCode).toBe(200);
    expect(again.json().entry[0].resource.preAuthRef).toBe(first);
  });

  it('refuses a second open request for the same care and dates, naming the first', async () => {
    const request = makeDetoxRequest({ memberId: 'M-0010', facility: { npi: detox.npi, name: detox.name } });
    const first = (await post(facility, '/api/preauthorizations', request)).json().id;
    const res = await post(facility, '/api/preauthorizations', request);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(`Request ${first} for the same care and dates is still open.`);
  });

  it('answers a Claim that is not a preauthorization with an OperationOutcome naming the field', async () => {
    const claim = {
      ...(makePasBundle({ npi: detox.npi }).entry[0]?.resource as Record<string, unknown>),
      use: 'claim',
    };
    const res = await fhir(facility, JSON.stringify(claim));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'invalid',
          diagnostics: 'Claim/$submit takes a Claim with use = preauthorization',
          expression: ['Claim.use'],
        },
      ],
    });
  });

  it('answers a body that is not JSON with an OperationOutcome', async () => {
    const res = await fhir(facility, '{"resourceType": "Claim",');
    expect(res.statusCode).toBe(400);
    expect(res.json().resourceType).toBe('OperationOutcome');
  });

  it('answers a request for an unknown plan with an OperationOutcome', async () => {
    const bundle = makePasBundle({ memberId: 'M-0011', npi: detox.npi });
    (bundle.entry[3]!.resource as { class: Array<{ value: string }> }).class[0]!.value = 'NO-SUCH-PLAN';
    const res = await fhir(facility, JSON.stringify(bundle));
    expect(res.statusCode).toBe(422);
    expect(res.json().issue[0]).toMatchObject({ expression: ['planId'] });
  });
});

describe('unauthorized detox', () => {
  it('flags a detox claim without an authorization for the case manager', async () => {
    const res = await get(caseManager, `/api/coverage/unauthorized-detox?from=${year}-01-01`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        claimId: 'DX1',
        memberId: 'M-0002',
        reason: 'No preauthorization request on file.',
      }),
    ]);
  });
});

describe('privacy', () => {
  it('audits reads and decisions of preauthorizations, and keeps member ids out of the log', async () => {
    const events = await t.store.db
      .selectFrom('audit_event')
      .select(['action', 'member_id', 'outcome'])
      .where('resource_type', '=', 'Preauthorization')
      .execute();
    const seen = events.map((e) => `${e.action}:${e.member_id ?? '-'}:${e.outcome}`);
    expect(seen).toContain('create:M-0001:success');
    expect(seen).toContain('approve:M-0001:success');
    expect(seen).toContain('search:-:success');
    expect(seen).toContain('approve:M-0001:denied'); // the facility tried to decide its own request
    expect(t.logLines.join('\n')).not.toContain('M-0001');
  });
});

describe('plans', () => {
  it('lists the levels of care with their criteria, as data', async () => {
    const res = await get(facility, '/api/coverage/levels-of-care');
    expect(res.statusCode).toBe(200);
    const detoxLevel = res
      .json()
      .items.find((l: { id: string }) => l.id === 'ambulatory-withdrawal-management');
    expect(detoxLevel.procedureCodes).toEqual(['H0014']);
    expect(detoxLevel.criteria.map((c: { id: string }) => c.id)).toContain('withdrawal-severity');
  });

  it('shows a plan with no parity findings', async () => {
    const res = await get(member, '/api/coverage/plans/CKP-PPO-400');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ plan: { planType: 'PPO' }, parity: [] });
  });
});
