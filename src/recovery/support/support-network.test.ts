import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCase } from '../../outreach/cases/seed-case.ts';
import { addDays } from '../../platform/calendar/iso-days.ts';
import { linkSupporterAccount } from '../../privacy/index.ts';
import { expectValidFhir } from '../../testing/fhir-validator.ts';
import { buildTestApp, type TestApp, type TestUser } from '../../testing/test-app.ts';

let t: TestApp;
let cm: TestUser;
let mom: TestUser;
let stranger: TestUser;
let momId = '';
const member = 'M-S1';
const today = new Date().toISOString().slice(0, 10);

const call = (user: TestUser, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: user.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

beforeAll(async () => {
  t = await buildTestApp();
  cm = await t.logIn('case_manager');
  mom = await t.logIn('supporter');
  stranger = await t.logIn('supporter');
  const caseId = await seedCase(t.store.db, { memberId: member, assignedTo: cm.userId });
  await call(cm, 'POST', `/api/cases/${caseId}/attempts`, {
    outcome: 'reached',
    referrals: [{ kind: 'moud_prescriber', status: 'accepted' }],
  });
  const plan = await call(cm, 'POST', `/api/members/${member}/care-plans`, {
    category: 'treatment',
    status: 'active',
    caseId,
    content: {
      title: 'Plan',
      goals: [
        {
          description: 'Counseling every week',
          measure: 'sessions',
          target: '4 a month',
          dueDate: addDays(today, 60),
          status: 'active',
        },
      ],
      careTeam: [{ role: 'counselor', name: 'Sam Ortiz' }],
    },
  });
  const { planId } = plan.json();
  const service = await call(cm, 'POST', `/api/care-plans/${planId}/services`, {
    category: 'counseling',
    service: 'individual',
    performerName: 'Harbor Recovery Center',
    performerNpi: '1234567893',
  });
  expect(service.statusCode).toBe(201);
  const facility = await t.logIn('facility_staff', { organization: '1234567893' });
  await call(facility, 'POST', '/api/recovery/sessions', {
    memberId: member,
    sourceId: 's-1',
    scheduledOn: addDays(today, -3),
    service: 'individual',
    attended: true,
  });
  await call(facility, 'POST', '/api/recovery/screens', {
    memberId: member,
    sourceId: 'lab-1',
    collectedOn: addDays(today, -2),
    substance: 'fentanyl',
    positive: true,
  });
  const named = await call(cm, 'POST', `/api/members/${member}/support-network`, {
    name: 'Rosa Diaz',
    relationship: 'parent',
    phone: '555-0100',
  });
  expect(named.statusCode, named.body).toBe(201);
  momId = named.json().relatedPersonId;
  await linkSupporterAccount(t.store.db, momId, mom.userId);
});
afterAll(async () => {
  await t.close();
});

const consent = (overrides: object = {}) => ({
  recipient: `related-person:${momId}`,
  purpose: 'family',
  coversPart2: true,
  startDate: today,
  endDate: addDays(today, 180),
  shares: ['appointments', 'plan-goals'],
  ...overrides,
});

describe('the support network under Part 2 consent', () => {
  it('shows a named supporter nothing before a consent, and audits the refusal', async () => {
    const res = await call(mom, 'GET', `/api/supporter/members/${member}`);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toMatch(/Counseling|fentanyl|Harbor/);
    const audit = await t.store.db
      .selectFrom('audit_event')
      .select(['outcome', 'purpose'])
      .where('actor_id', '=', mom.userId)
      .where('member_id', '=', member)
      .execute();
    expect(audit).toContainEqual({ outcome: 'denied', purpose: 'disclosure' });
    // Being named lists the member, and still shares nothing.
    const list = (await call(mom, 'GET', '/api/supporter/members')).json();
    expect(list.members).toEqual([{ memberId: member, relationship: 'parent' }]);
  });

  it('refuses a supporter consent that does not name what is shared, until when, or the person', async () => {
    const incomplete = await call(
      cm,
      'POST',
      `/api/members/${member}/consents`,
      consent({ shares: undefined, endDate: null, purpose: 'treatment' }),
    );
    expect(incomplete.statusCode).toBe(400);
    expect(
      incomplete
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['endDate', 'purpose', 'shares']);
    const stranger = await call(
      cm,
      'POST',
      `/api/members/${member}/consents`,
      consent({ recipient: 'related-person:nobody' }),
    );
    expect(stranger.json().issues).toEqual([
      { path: 'recipient', message: 'not a supporter this member named' },
    ]);
  });

  it('shares exactly the consented categories, never screen results, and revocation takes effect on the next request', async () => {
    const given = await call(cm, 'POST', `/api/members/${member}/consents`, consent());
    expect(given.statusCode, given.body).toBe(201);
    const seen = await call(mom, 'GET', `/api/supporter/members/${member}`);
    expect(seen.statusCode, seen.body).toBe(200);
    const body = seen.json();
    expect(body.shared.map((s: { category: string }) => s.category)).toEqual(['appointments', 'plan-goals']);
    expect(body.notShared.map((s: { category: string }) => s.category)).toContain('screen-results');
    expect(body.appointments).toEqual([{ date: addDays(today, -3), service: 'individual', attended: true }]);
    expect(body.goals).toEqual([
      {
        description: 'Counseling every week',
        target: '4 a month',
        dueDate: addDays(today, 60),
        status: 'active',
      },
    ]);
    expect(body).not.toHaveProperty('screenResults');
    expect(body).not.toHaveProperty('services');
    expect(seen.body).not.toMatch(/fentanyl|Harbor|Sam Ortiz/);

    // Another supporter, not named by this member, sees nothing.
    expect((await call(stranger, 'GET', `/api/supporter/members/${member}`)).statusCode).toBe(403);

    await call(cm, 'POST', `/api/consents/${given.json().consentId}/revoke`);
    const after = await call(mom, 'GET', `/api/supporter/members/${member}`);
    expect(after.statusCode).toBe(403);
    expect(after.body).not.toMatch(/Counseling/);
  });

  it('stops sharing the day after the consent ends', async () => {
    const expired = await call(
      cm,
      'POST',
      `/api/members/${member}/consents`,
      consent({ startDate: addDays(today, -30), endDate: addDays(today, -1) }),
    );
    expect(expired.statusCode).toBe(201);
    expect((await call(mom, 'GET', `/api/supporter/members/${member}`)).statusCode).toBe(403);
  });

  it('serves the supporters and their consents as valid FHIR RelatedPerson and Consent', async () => {
    const people = (await call(cm, 'GET', `/api/fhir/RelatedPerson?patient=${member}`)).json();
    expect(people.entry).toHaveLength(1);
    expectValidFhir(people.entry[0].resource);
    expect(people.entry[0].resource).toMatchObject({
      name: [{ text: 'Rosa Diaz' }],
      patient: { reference: `Patient/${member}` },
    });
    const consents = (await call(cm, 'GET', `/api/fhir/Consent?patient=${member}`)).json();
    expect(consents.entry.length).toBeGreaterThanOrEqual(2);
    for (const e of consents.entry) expectValidFhir(e.resource);
    const revoked = consents.entry.find(
      (e: { resource: { status: string } }) => e.resource.status === 'inactive',
    );
    expect(revoked.resource.provision).toMatchObject({
      actor: [{ reference: { reference: `RelatedPerson/${momId}` } }],
      code: [{ coding: [{ code: 'appointments' }] }, { coding: [{ code: 'plan-goals' }] }],
    });
    const network = (await call(cm, 'GET', `/api/members/${member}/support-network`)).json();
    expect(network.people[0]).toMatchObject({ name: 'Rosa Diaz', hasAccount: true });
    expect(network.people[0].consents.every((c: { inForce: boolean }) => !c.inForce)).toBe(true);
  });
});
