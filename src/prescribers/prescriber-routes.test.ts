import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinDrug } from '../reference/builtin-drugs.ts';
import { loadBuiltinReference } from '../reference/load-builtin-reference.ts';
import { addFill, addMember } from '../risk/test-population.ts';
import { buildTestApp, type TestApp, type TestUser } from '../testing/test-app.ts';
import { prescriberDb } from './lock-in/lock-in-store.ts';
import { addPharmacyCheckClient } from './pharmacy-check/pharmacy-check-clients.ts';

let t: TestApp;
let pharmacist: TestUser;
const oxy = builtinDrug('oxycodone-ir-10').ndc;
const bup = builtinDrug('buprenorphine-naloxone-film-8').ndc;

beforeAll(async () => {
  t = await buildTestApp();
  await loadBuiltinReference(t.warehouse);
  // M1: 180 MME a day (18 × 10 mg × 1.5... in two 30-day fills) from 3 prescribers at 3 pharmacies.
  await addMember(t.warehouse, { id: 'M1' });
  await t.warehouse.run(`update member set first_name = 'Alex', last_name = 'Rivera' where member_id = 'M1'`);
  for (const [id, date, prescriber, pharmacy] of [
    ['F1', '2026-04-01', 'P1', 'RX1'],
    ['F2', '2026-05-01', 'P2', 'RX2'],
    ['F3', '2026-05-31', 'P3', 'RX3'],
  ] as const)
    await addFill(t.warehouse, {
      id,
      member: 'M1',
      date,
      ndc: oxy,
      quantity: 360,
      days: 30,
      prescriber,
      pharmacy,
    });
  pharmacist = await t.logIn('clinical_pharmacist');
});
afterAll(async () => t?.close());

const post = (url: string, user: TestUser | null, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...(user?.headers ?? {}), ...headers },
    payload: payload as object,
  });

describe('prescriber routes', () => {
  it('ranks prescribers and generates real PDF letters for a pharmacist', async () => {
    const ranking = await t.app.inject({
      method: 'GET',
      url: '/api/prescribers/ranking?asOf=2026-06-30',
      headers: pharmacist.headers,
    });
    expect(ranking.statusCode).toBe(200);
    expect(ranking.json().prescribers.map((p: { npi: string }) => p.npi)).toEqual(
      ['P1', 'P2', 'P3'].filter((n) => n !== 'P1'),
    );
    const run = await post('/api/letters/runs', pharmacist, { asOf: '2026-06-30' });
    expect(run.statusCode).toBe(201);
    expect(run.json().counts.letters).toBe(2);
    const created = await t.store.db
      .selectFrom('audit_event')
      .select(['member_id', 'resource_id'])
      .where('resource_type', '=', 'Letter')
      .where('action', '=', 'create')
      .execute();
    expect(created.map((e) => e.member_id)).toEqual(['M1', 'M1']);
    const letterId = run.json().letters[0].letterId;
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/letters/${letterId}/pdf`,
      headers: pharmacist.headers,
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('sends a letter by a single-use link and records the trail supervisors see', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/letters?status=generated',
      headers: pharmacist.headers,
    });
    const letterId = list.json().items[0].letterId;
    const sent = await post(`/api/letters/${letterId}/send`, pharmacist, {
      recipient: 'direct:dr@example.org',
    });
    expect(sent.statusCode).toBe(200);
    const link: string = sent.json().link;
    expect((await t.app.inject({ method: 'GET', url: link })).statusCode).toBe(200);
    const first = await post(`${link}/download`, null, {});
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await post(`${link}/download`, null, {})).statusCode).toBe(403);
    const supervisor = await t.logIn('supervisor');
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/letters/${letterId}`,
      headers: supervisor.headers,
    });
    expect(detail.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'generated',
      'sent',
      'opened',
      'downloaded',
      'download_refused',
    ]);
    expect(detail.json().members[0]).toMatchObject({
      memberId: 'M1',
      disclosedFactorCodes: ['HIGH_MME', 'LONG_TERM_OPIOID'],
    });
  });

  it('refuses letter runs and lock-in decisions to a case manager without running the handler', async () => {
    const cm = await t.logIn('case_manager');
    const before = t.handlerCalls.length;
    expect((await post('/api/letters/runs', cm, { asOf: '2026-06-30' })).statusCode).toBe(403);
    expect((await post('/api/lock-ins/review', cm, { asOf: '2026-06-30' })).statusCode).toBe(403);
    expect(t.handlerCalls.slice(before)).toEqual([]);
  });

  it('runs a member through lock-in from proposal to expiry, and the pharmacy check enforces it', async () => {
    const review = await post('/api/lock-ins/review', pharmacist, { asOf: '2026-06-30' });
    expect(review.json()).toMatchObject({ candidates: 1, proposed: 1 });
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/lock-ins?state=proposed',
      headers: pharmacist.headers,
    });
    const id: string = queue.json().items[0].id;
    const step = async (command: object, on: string) => {
      const res = await post(`/api/lock-ins/${id}/transitions`, pharmacist, { command, on });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().lockIn;
    };
    await step(
      { kind: 'decide', scope: 'pharmacy', rationale: '180 MME from 3 prescribers at 3 pharmacies' },
      '2026-07-01',
    );
    await step({ kind: 'send_initial_notice' }, '2026-07-01');
    const notice = await t.app.inject({
      method: 'GET',
      url: `/api/lock-ins/${id}/notices/initial`,
      headers: pharmacist.headers,
    });
    expect(notice.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await step(
      { kind: 'record_member_response', receivedOn: '2026-07-10', preferredPharmacyNpi: 'RX1' },
      '2026-07-10',
    );
    const confirmed = await step({ kind: 'send_second_notice', effectiveFrom: '2026-08-01' }, '2026-07-11');
    expect(confirmed).toMatchObject({ pharmacyNpi: 'RX1', endsOn: '2027-07-31' });

    const key = (await addPharmacyCheckClient(prescriberDb(t.store.db), 'test switch')).apiKey;
    const check = (body: object) =>
      post('/api/pharmacy/check', null, body, { authorization: `Bearer ${key}` });
    const claim = {
      memberId: 'M1',
      ndc: oxy,
      pharmacyNpi: 'RX2',
      prescriberNpi: 'P2',
      date: '2026-08-02',
      daysSupply: 30,
    };
    expect((await check(claim)).json()).toMatchObject({ decision: 'deny', reason: 'PHARMACY_NOT_LOCKED_IN' });
    expect((await check({ ...claim, pharmacyNpi: 'RX1' })).json()).toMatchObject({ decision: 'allow' });
    expect((await check({ ...claim, ndc: bup })).json()).toMatchObject({
      decision: 'allow',
      reason: 'MOUD_NEVER_BLOCKED',
    });
    expect((await check({ ...claim, daysSupply: 3 })).json()).toMatchObject({
      decision: 'allow',
      reason: 'EMERGENCY_SUPPLY',
    });

    const job = (today: string) => post('/api/lock-ins/daily-job', pharmacist, { today });
    expect((await job('2026-08-01')).json()).toMatchObject({ activated: 1 });
    expect((await job('2026-08-01')).json()).toMatchObject({ activated: 0, expired: 0 });
    expect((await job('2027-08-01')).json()).toMatchObject({ expired: 1 });
    const done = await t.app.inject({
      method: 'GET',
      url: `/api/lock-ins/${id}`,
      headers: pharmacist.headers,
    });
    expect(done.json().lockIn).toMatchObject({ state: 'expired' });
    const history = await t.app.inject({
      method: 'GET',
      url: '/api/members/M1/lock-ins',
      headers: pharmacist.headers,
    });
    expect(history.json().items.map((l: { state: string }) => l.state)).toEqual(['expired']);
    expect((await check({ ...claim, date: '2027-08-02' })).json()).toMatchObject({
      decision: 'allow',
      reason: 'NO_LOCK_IN',
    });
  });

  it('answers an illegal transition with 409 and a clear message', async () => {
    const queue = await t.app.inject({ method: 'GET', url: '/api/lock-ins', headers: pharmacist.headers });
    const id: string = queue.json().items[0].id;
    const res = await post(`/api/lock-ins/${id}/transitions`, pharmacist, {
      command: { kind: 'extend', months: 3, rationale: 'r' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/^Cannot extend: this lock-in is expired/);
  });

  it('refuses the pharmacy check without an API key or with a wrong one', async () => {
    const body = { memberId: 'M1', ndc: oxy, pharmacyNpi: 'RX2', prescriberNpi: 'P2', date: '2026-08-02' };
    expect((await post('/api/pharmacy/check', null, body)).statusCode).toBe(401);
    expect((await post('/api/pharmacy/check', null, body, { authorization: 'Bearer nope' })).statusCode).toBe(
      401,
    );
  });
});
