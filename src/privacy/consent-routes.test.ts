import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestUser } from '../testing/test-app.ts';

let t: TestApp;
let member: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  member = await t.logIn('member', { memberId: 'CONSENT-M1' });
});
afterAll(async () => {
  await t.close();
});

const record = (u: TestUser, memberId: string, body: object) =>
  t.app.inject({
    method: 'POST',
    url: `/api/members/${memberId}/consents`,
    headers: u.headers,
    payload: body,
  });

describe('consents', () => {
  it('lets a member record a consent for themself, list it, and revoke it', async () => {
    const created = await record(member, 'CONSENT-M1', {
      recipient: 'org:Harbor Recovery',
      purpose: 'treatment',
      coversPart2: true,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(created.statusCode).toBe(201);
    const consentId = created.json().consentId;
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/members/CONSENT-M1/consents',
      headers: member.headers,
    });
    expect(list.json().items).toMatchObject([
      { consentId, recipient: 'org:Harbor Recovery', coversPart2: true, revokedAt: null },
    ]);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/consents/${consentId}/revoke`,
      headers: member.headers,
      payload: {},
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
  });

  it('refuses a member recording a consent for someone else, and audits the refusal', async () => {
    const res = await record(member, 'CONSENT-M2', {
      recipient: 'person:Sam',
      purpose: 'family',
      coversPart2: false,
      startDate: '2026-01-01',
    });
    expect(res.statusCode).toBe(403);
    const rows = await t.store.db
      .selectFrom('audit_event')
      .select(['outcome', 'resource_type', 'action'])
      .where('member_id', '=', 'CONSENT-M2')
      .execute();
    expect(rows).toEqual([{ outcome: 'denied', resource_type: 'Consent', action: 'create' }]);
  });

  it('refuses a consent that ends before it starts, or names no kind of recipient', async () => {
    const backwards = await record(member, 'CONSENT-M1', {
      recipient: 'org:X',
      purpose: 'treatment',
      coversPart2: false,
      startDate: '2026-05-01',
      endDate: '2026-01-01',
    });
    expect(backwards.statusCode).toBe(400);
    const vague = await record(member, 'CONSENT-M1', {
      recipient: 'anyone',
      purpose: 'treatment',
      coversPart2: false,
      startDate: '2026-05-01',
    });
    expect(vague.statusCode).toBe(400);
    expect(vague.json().issues[0].path).toBe('body.recipient');
  });
});
