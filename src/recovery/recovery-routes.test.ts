import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCase } from '../outreach/cases/seed-case.ts';
import { addDays } from '../platform/calendar/iso-days.ts';
import { parseRiskConfig } from '../risk/index.ts';
import { expectValidFhir } from '../testing/fhir-validator.ts';
import { buildTestApp, type TestApp, type TestUser } from '../testing/test-app.ts';
import { runSignals } from './signals/run-signals.ts';

const facilityNpi = '1234567893';
const otherFacility = '1987654320';
let t: TestApp;
let cm: TestUser;
let supervisor: TestUser;
let facility: TestUser;
let strangerFacility: TestUser;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await buildTestApp();
  cm = await t.logIn('case_manager');
  supervisor = await t.logIn('supervisor');
  facility = await t.logIn('facility_staff', { organization: facilityNpi });
  strangerFacility = await t.logIn('facility_staff', { organization: otherFacility });
});
afterAll(async () => {
  await t.close();
});

const call = (user: TestUser, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: user.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** A member engaged through the case manager's call: reached, with an accepted referral. */
async function engagedMember(memberId: string) {
  const caseId = await seedCase(t.store.db, { memberId, assignedTo: cm.userId });
  const res = await call(cm, 'POST', `/api/cases/${caseId}/attempts`, {
    outcome: 'reached',
    referrals: [{ kind: 'moud_prescriber', status: 'accepted' }],
  });
  expect(res.statusCode).toBe(201);
  return caseId;
}

const planContent = {
  title: 'Recovery plan',
  goals: [
    {
      description: 'Stay on buprenorphine',
      measure: 'days covered',
      target: '90 of 90',
      dueDate: addDays(today, 90),
      status: 'active',
    },
  ],
  careTeam: [{ role: 'prescriber', name: 'Dr. Rivera', npi: '1111111111' }],
};

describe('treatment and recovery over HTTP', () => {
  it('walks a plan, a housing referral, reports, a positive fentanyl screen and its alert to resolution', async () => {
    const caseId = await engagedMember('M-R1');
    const created = await call(cm, 'POST', '/api/members/M-R1/care-plans', {
      category: 'treatment',
      status: 'active',
      caseId,
      content: planContent,
    });
    expect(created.statusCode).toBe(201);
    const { planId, version } = created.json();
    expect(version).toBe(1);

    const housing = await call(cm, 'POST', `/api/care-plans/${planId}/services`, {
      category: 'supportive',
      service: 'housing',
      performerName: 'Harbor Housing',
    });
    expect(housing.statusCode).toBe(201);
    const counseling = await call(cm, 'POST', `/api/care-plans/${planId}/services`, {
      category: 'counseling',
      service: 'individual',
      performerName: 'Harbor Recovery Center',
      performerNpi: facilityNpi,
      sessionsPerWeek: 1,
    });
    const requestId = counseling.json().requestId;
    const bup = await call(cm, 'POST', `/api/care-plans/${planId}/services`, {
      category: 'moud',
      service: 'buprenorphine',
      performerName: 'Dr. Rivera',
      performerNpi: '1111111111',
    });
    expect(bup.statusCode).toBe(201);

    // The facility accepts its referral; a move the referral does not allow is 409.
    const accepted = await call(facility, 'POST', `/api/service-requests/${requestId}/status`, {
      status: 'accepted',
      version: 1,
    });
    expect(accepted.json()).toEqual({ status: 'accepted', version: 2 });
    const backwards = await call(facility, 'POST', `/api/service-requests/${requestId}/status`, {
      status: 'requested',
      version: 2,
    });
    expect(backwards.statusCode).toBe(409);

    // Two attended and two missed sessions, then a positive fentanyl screen the day after engagement.
    for (const [n, attended] of [
      [1, true],
      [2, true],
      [3, false],
      [4, false],
    ] as const) {
      const res = await call(facility, 'POST', '/api/recovery/sessions', {
        memberId: 'M-R1',
        sourceId: `visit-${n}`,
        scheduledOn: addDays(today, n),
        service: 'individual',
        attended,
      });
      expect(res.statusCode).toBe(201);
    }
    const screen = {
      memberId: 'M-R1',
      sourceId: 'lab-1',
      collectedOn: addDays(today, 4),
      substance: 'fentanyl',
      positive: true,
    };
    expect((await call(facility, 'POST', '/api/recovery/screens', screen)).statusCode).toBe(201);
    expect(
      (await call(facility, 'POST', '/api/recovery/screens', { ...screen, substance: 'buprenorphine' }))
        .statusCode,
    ).toBe(201);
    // A facility the member is not referred to reports nothing.
    const refused = await call(strangerFacility, 'POST', '/api/recovery/screens', screen);
    expect(refused.statusCode).toBe(403);

    const result = await runSignals(
      { db: t.store.db, warehouse: t.warehouse },
      parseRiskConfig({}),
      addDays(today, 5),
    );
    expect(
      result.alerts
        .filter((a) => a.memberId === 'M-R1')
        .map((a) => a.code)
        .sort(),
    ).toEqual(['MISSED_SESSIONS', 'POSITIVE_SCREEN']);

    const queue = await call(cm, 'GET', '/api/recovery/alerts');
    const alert = queue
      .json()
      .alerts.find(
        (a: { memberId: string; code: string }) => a.memberId === 'M-R1' && a.code === 'POSITIVE_SCREEN',
      );
    expect(alert).toMatchObject({
      severity: 'high',
      label: 'Positive drug screen',
      evidence: { detail: 'positive for fentanyl' },
    });
    const resolved = await call(cm, 'POST', `/api/recovery/alerts/${alert.alertId}/resolve`, {
      note: 'Called; naloxone and a same-week visit arranged.',
    });
    expect(resolved.statusCode).toBe(200);
    expect(
      (await call(cm, 'POST', `/api/recovery/alerts/${alert.alertId}/resolve`, { note: 'again' })).statusCode,
    ).toBe(409);
    const done = await call(cm, 'GET', '/api/recovery/alerts?status=resolved');
    expect(done.json().alerts.map((a: { alertId: string }) => a.alertId)).toContain(alert.alertId);

    const plans = (await call(cm, 'GET', '/api/members/M-R1/care-plans')).json().plans;
    expect(
      plans[0].services.map((s: { service: string; status: string }) => `${s.service} ${s.status}`),
    ).toEqual(['housing requested', 'individual accepted', 'buprenorphine requested']);
    expect(plans[0].content.prescribedSubstances).toEqual(['buprenorphine']);
    expect(plans[0].content.goals[0].id).toEqual(expect.any(String));
  });

  it('keeps every plan version with who wrote it, and refuses a stale edit with 409', async () => {
    await engagedMember('M-R2');
    const { planId } = (
      await call(cm, 'POST', '/api/members/M-R2/care-plans', {
        category: 'treatment',
        status: 'draft',
        content: planContent,
      })
    ).json();
    const v2 = await call(cm, 'PUT', `/api/care-plans/${planId}`, {
      category: 'treatment',
      status: 'active',
      version: 1,
      content: planContent,
    });
    expect(v2.json()).toEqual({ planId, version: 2 });
    const stale = await call(cm, 'PUT', `/api/care-plans/${planId}`, {
      category: 'treatment',
      status: 'active',
      version: 1,
      content: planContent,
    });
    expect(stale.statusCode).toBe(409);
    const [plan] = (await call(supervisor, 'GET', '/api/members/M-R2/care-plans')).json().plans;
    expect(plan.history.map((h: { version: number; changedBy: string }) => [h.version, h.changedBy])).toEqual(
      [
        [1, cm.username],
        [2, cm.username],
      ],
    );
  });

  it('answers a check-in with a safety concern with the crisis line and an urgent alert at once', async () => {
    await engagedMember('M-R3');
    await t.store.execScript(
      `update outreach_case set engaged_on = '${addDays(today, -3)}' where member_id = 'M-R3'`,
    );
    const member = await t.logIn('member', { memberId: 'M-R3' });
    const res = await call(member, 'POST', '/api/members/M-R3/check-ins', {
      mood: 3,
      craving: 8,
      usedLast7Days: false,
      sleep: 'poorly',
      needs: ['housing'],
      safetyConcern: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ alertsRaised: 2, crisis: [{ phone: '988' }] });
    const queue = (await call(supervisor, 'GET', '/api/recovery/alerts')).json().alerts;
    expect(
      queue
        .filter((a: { memberId: string }) => a.memberId === 'M-R3')
        .map((a: { code: string; severity: string }) => `${a.code} ${a.severity}`),
    ).toEqual(['CHECK_IN_SAFETY urgent', 'CHECK_IN_USE high']);
    // Another member cannot check in as this one; the form refuses a craving of 11 field by field.
    const other = await t.logIn('member', { memberId: 'M-OTHER' });
    expect(
      (
        await call(other, 'POST', '/api/members/M-R3/check-ins', {
          mood: 3,
          craving: 1,
          usedLast7Days: false,
          sleep: 'well',
          needs: [],
          safetyConcern: false,
        })
      ).statusCode,
    ).toBe(403);
    const bad = await call(member, 'POST', '/api/members/M-R3/check-ins', {
      mood: 3,
      craving: 11,
      usedLast7Days: false,
      sleep: 'well',
      needs: [],
      safetyConcern: false,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toContain('craving');
    const history = (await call(member, 'GET', '/api/members/M-R3/check-ins')).json().checkIns;
    expect(history).toHaveLength(1);
  });

  it('serves every record as valid FHIR R4, by patient and by id, only to those who may see it', async () => {
    const counts: Record<string, number> = {};
    for (const type of ['CarePlan', 'Goal', 'ServiceRequest', 'Encounter', 'Observation']) {
      const res = await call(cm, 'GET', `/api/fhir/${type}?patient=M-R1`);
      expect(res.statusCode, type).toBe(200);
      expect(res.headers['content-type']).toContain('application/fhir+json');
      const bundle = res.json();
      await expectValidFhir(bundle);
      for (const entry of bundle.entry) await expectValidFhir(entry.resource);
      counts[type] = bundle.total;
      const first = bundle.entry[0].resource;
      const one = await call(cm, 'GET', `/api/fhir/${type}/${first.id}`);
      expect(one.json()).toEqual(first);
    }
    expect(counts).toEqual({ CarePlan: 1, Goal: 1, ServiceRequest: 3, Encounter: 4, Observation: 2 });
    const missed = (await call(cm, 'GET', '/api/fhir/Encounter?patient=M-R1'))
      .json()
      .entry.filter((e: { resource: { status: string } }) => e.resource.status === 'cancelled');
    expect(missed).toHaveLength(2);
    const member = await t.logIn('member', { memberId: 'M-R3' });
    const own = (await call(member, 'GET', '/api/fhir/QuestionnaireResponse?patient=M-R3')).json();
    expect(own.total).toBe(1);
    await expectValidFhir(own.entry[0].resource);
    // Another member, and a facility without the member's consent, see nothing; by id it does not exist.
    expect((await call(member, 'GET', '/api/fhir/CarePlan?patient=M-R1')).statusCode).toBe(403);
    expect((await call(strangerFacility, 'GET', '/api/fhir/Observation?patient=M-R1')).statusCode).toBe(403);
    const planId = (await call(cm, 'GET', '/api/fhir/CarePlan?patient=M-R1')).json().entry[0].resource.id;
    expect((await call(member, 'GET', `/api/fhir/CarePlan/${planId}`)).statusCode).toBe(404);
  });

  it('catches an invalid resource (the validator is not a formality)', async () => {
    await expect(expectValidFhir({ resourceType: 'Encounter', id: 'x', status: 'missed' })).rejects.toThrow(
      /invalid FHIR Encounter/,
    );
  });

  it('takes an assessment, scores each completed instrument, refuses a partial score and free text', async () => {
    const phq9 = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`phq9-${n}`, n <= 5 ? 'LA6570-1' : 'LA6568-5']),
    );
    const gad7Partial = { 'gad7-1': 'LA6569-3', 'gad7-2': 'LA6569-3' };
    const answers = {
      ...phq9,
      ...gad7Partial,
      'auditc-1': 'monthly-or-less',
      'auditc-2': '1-2',
      'auditc-3': 'never',
      'primary-substance': 'fentanyl',
      overdoses: 2,
      housing: 'unstable',
      'asam-d1': '3',
      'asam-level': '3.7',
    };
    const res = await call(cm, 'POST', '/api/members/M-R2/assessments', { status: 'completed', answers });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(
      body.scores.map((s: { code: string; score: number; band: string }) => [s.code, s.score, s.band]),
    ).toEqual([
      ['44261-6', 10, 'moderate'],
      ['75626-2', 1, 'negative'],
    ]);
    expect(body.notScored).toEqual([
      { instrument: 'gad7', reason: expect.stringContaining('5 of 7 items unanswered') },
    ]);

    const freeText = await call(cm, 'POST', '/api/members/M-R2/assessments', {
      status: 'completed',
      answers: { ...answers, 'phq9-3': 'some days, not sure' },
    });
    expect(freeText.statusCode).toBe(400);
    expect(freeText.json().issues[0].path).toContain('phq9-3');
    expect(
      (
        await call(cm, 'POST', '/api/members/M-R2/assessments', {
          status: 'completed',
          answers: { 'made-up': 1 },
        })
      ).statusCode,
    ).toBe(400);

    // The facility M-R1 is referred to may enter one; a facility without a referral may not.
    expect(
      (
        await call(facility, 'POST', '/api/members/M-R1/assessments', {
          status: 'in-progress',
          answers: { housing: 'stable' },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await call(strangerFacility, 'POST', '/api/members/M-R1/assessments', {
          status: 'in-progress',
          answers: {},
        })
      ).statusCode,
    ).toBe(403);

    const listed = (await call(cm, 'GET', '/api/members/M-R2/assessments')).json();
    expect(listed.assessments[0].levelOfCare).toBe('3.7');
    expect(listed.trend.map((s: { code: string }) => s.code)).toEqual(['44261-6', '75626-2']);

    const questionnaire = (await call(cm, 'GET', '/api/fhir/Questionnaire/comprehensive-assessment')).json();
    await expectValidFhir(questionnaire);
    expect(JSON.stringify(questionnaire)).not.toMatch(/ASAM Criteria/);
    const responses = (await call(cm, 'GET', '/api/fhir/QuestionnaireResponse?patient=M-R2')).json();
    expect(responses.total).toBe(1);
    await expectValidFhir(responses.entry[0].resource);
    const observations = (await call(cm, 'GET', '/api/fhir/Observation?patient=M-R2')).json();
    expect(
      observations.entry.map(
        (e: { resource: { code: { coding: { code: string }[] } } }) => e.resource.code.coding[0]!.code,
      ),
    ).toEqual(['44261-6', '75626-2']);
    for (const e of observations.entry) await expectValidFhir(e.resource);
  });

  it('loads a facility CSV and FHIR NDJSON in bulk: bad rows named by file, line, field and reason; twice changes nothing', async () => {
    const csv = [
      'member_id,source_id,scheduled_on,service,attended',
      `M-R1,bulk-1,${addDays(today, 6)},group,yes`,
      `M-R1,bulk-2,2026-02-30,group,no`,
      `M-R1,bulk-3,${addDays(today, 7)},sauna,no`,
      `M-R2,bulk-4,${addDays(today, 7)},group,no`,
      `M-R1,bulk-5,${addDays(today, 8)},family,maybe`,
    ].join('\n');
    const upload = (body: string, type: string, file: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/recovery/reports?file=${file}`,
        headers: { ...facility.headers, 'content-type': type },
        payload: body,
      });
    const first = await upload(csv, 'text/csv', 'sessions.csv');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      sessions: 1,
      screens: 0,
      rejected: [
        { file: 'sessions.csv', line: 3, field: 'scheduled_on', reason: 'a real calendar date' },
        { file: 'sessions.csv', line: 4, field: 'service', reason: expect.stringContaining('individual') },
        {
          file: 'sessions.csv',
          line: 5,
          field: 'member_id',
          reason: 'the member is not referred to this facility',
        },
        { file: 'sessions.csv', line: 6, field: 'attended', reason: expect.any(String) },
      ],
    });
    const count = async () =>
      (await t.store.db
        .selectFrom('treatment_session' as never)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()) as { n: number | string };
    const before = Number((await count()).n);
    await upload(csv, 'text/csv', 'sessions.csv');
    expect(Number((await count()).n)).toBe(before);

    const ndjson = [
      JSON.stringify({
        resourceType: 'Observation',
        status: 'final',
        identifier: [{ value: 'lab-9' }],
        code: {
          coding: [
            { system: 'https://checkpoint.example.org/fhir/CodeSystem/screen-substance', code: 'cocaine' },
          ],
        },
        subject: { reference: 'Patient/M-R1' },
        effectiveDateTime: addDays(today, 6),
        valueCodeableConcept: { coding: [{ code: 'NEG' }] },
      }),
      JSON.stringify({ resourceType: 'Patient', id: 'M-R1' }),
      '{ not json',
      JSON.stringify({
        resourceType: 'Encounter',
        status: 'in-progress',
        identifier: [{ value: 'enc-1' }],
        subject: { reference: 'Patient/M-R1' },
        period: { start: addDays(today, 6) },
        type: [
          {
            coding: [
              { system: 'https://checkpoint.example.org/fhir/CodeSystem/treatment-session', code: 'group' },
            ],
          },
        ],
      }),
    ].join('\n');
    const fhir = await upload(ndjson, 'application/fhir+ndjson', 'reports.ndjson');
    expect(fhir.json()).toMatchObject({
      sessions: 0,
      screens: 1,
      rejected: [
        { line: 2, field: 'resourceType' },
        { line: 3, field: '(line)' },
        { line: 4, field: 'Encounter.status' },
      ],
    });
  });

  it('audits every read and write of these records', async () => {
    const rows = await t.store.db
      .selectFrom('audit_event')
      .select(['action', 'resource_type', 'outcome'])
      .where('resource_type', 'in', [
        'CarePlan',
        'ServiceRequest',
        'Encounter',
        'Observation',
        'QuestionnaireResponse',
        'RecoveryAlert',
      ])
      .execute();
    const seen = new Set(rows.map((r) => `${r.action} ${r.resource_type} ${r.outcome}`));
    for (const expected of [
      'create CarePlan success',
      'update CarePlan success',
      'read CarePlan success',
      'create ServiceRequest success',
      'update ServiceRequest success',
      'report Encounter success',
      'report Observation success',
      'report Observation denied',
      'create QuestionnaireResponse success',
      'update RecoveryAlert success',
      'search RecoveryAlert success',
    ])
      expect(seen, expected).toContain(expected);
  });
});
