import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivacyTables } from '../../privacy/consent-tables.ts';
import { buildTestApp, type TestApp, type TestUser } from '../../testing/test-app.ts';
import { seedCase } from '../cases/seed-case.ts';
import { fixtureAsOf, seedMemberWithClaims } from './member-fixture.ts';

const member = 'MEMBERX123';
const other = 'MEMBERY456';
let t: TestApp;
const url = (id: string) => `/api/members/${id}?asOf=${fixtureAsOf}`;
const get = (id: string, u: TestUser) => t.app.inject({ method: 'GET', url: url(id), headers: u.headers });

beforeAll(async () => {
  t = await buildTestApp({ logLevel: 'trace' });
  await seedMemberWithClaims(t.warehouse, member);
  await seedMemberWithClaims(t.warehouse, other);
  await seedCase(t.store.db, { memberId: member });
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/members/{memberId}', () => {
  it('shows plan staff the profile, coverage, risk with evidence, timeline and daily MME, marking Part 2 claims', async () => {
    const res = await get(member, await t.logIn('clinical_pharmacist'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.profile).toMatchObject({ memberId: member, lastName: 'Quillfeather' });
    expect(body.coverage).toHaveLength(1);
    const highMme = body.risk.riskFactors.find((f: { code: string }) => f.code === 'HIGH_MME');
    expect(highMme).toMatchObject({ met: true });
    expect(highMme.evidence.length).toBeGreaterThan(0);
    expect(body.risk.dailyMme).toHaveLength(365);
    expect(Math.max(...body.risk.dailyMme.map((d: { mme: number }) => d.mme))).toBe(180);
    const part2 = body.timeline
      .filter((e: { part2: boolean }) => e.part2)
      .map((e: { claimId: string }) => e.claimId);
    expect(part2.sort()).toEqual([`${member}-BUP`, `${member}-OUD`]);
    expect(body.part2Withheld).toBe(false);
  });

  it('lets a case manager see a member on the open worklist and refuses one without a case, auditing both', async () => {
    const cm = await t.logIn('case_manager');
    const ok = await get(member, cm);
    expect(ok.statusCode).toBe(200);
    const denied = await get(other, cm);
    expect(denied.statusCode).toBe(403);
    const events = await t.store.db
      .selectFrom('audit_event')
      .select(['member_id', 'outcome', 'action', 'resource_type', 'request_id', 'purpose'])
      .where('actor_id', '=', cm.userId)
      .where('resource_type', '=', 'Member')
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      {
        member_id: member,
        outcome: 'success',
        action: 'read',
        resource_type: 'Member',
        request_id: ok.headers['x-request-id'],
        purpose: 'treatment',
      },
      {
        member_id: other,
        outcome: 'denied',
        action: 'read',
        resource_type: 'Member',
        request_id: denied.headers['x-request-id'],
        purpose: 'treatment', // the purpose the caller acted under, from the access policy
      },
    ]);
  });

  it('refuses a case manager a member on another case manager’s caseload', async () => {
    const owner = await t.logIn('case_manager');
    const outsider = await t.logIn('case_manager');
    await seedCase(t.store.db, { memberId: 'MEMBERZ789', assignedTo: owner.userId });
    expect((await get('MEMBERZ789', outsider)).statusCode).toBe(403);
    expect((await get('MEMBERZ789', owner)).statusCode).toBe(404); // allowed; the warehouse has no such member
  });

  it('shows a member only themself', async () => {
    const self = await t.logIn('member', { memberId: member });
    expect((await get(member, self)).statusCode).toBe(200);
    expect((await get(other, self)).statusCode).toBe(403);
  });

  it('shows facility staff nothing without consent, no Part 2 data under a general consent, all of it under a Part 2 consent', async () => {
    const staff = await t.logIn('facility_staff', { organization: 'Harbor Recovery' });
    expect((await get(member, staff)).statusCode).toBe(403);
    const consents = t.store.db.withTables<PrivacyTables>();
    await consents
      .insertInto('consent')
      .values({
        consent_id: 'c-general',
        member_id: member,
        recipient: 'org:Harbor Recovery',
        purpose: 'treatment',
        covers_part2: false,
        start_date: '2026-01-01',
        end_date: null,
        revoked_at: null,
        recorded_by: null,
      })
      .execute();
    const general = (await get(member, staff)).json();
    expect(general.part2Withheld).toBe(true);
    expect(general.timeline.map((e: { claimId: string }) => e.claimId)).not.toContain(`${member}-OUD`);
    expect(general.timeline.map((e: { claimId: string }) => e.claimId)).not.toContain(`${member}-BUP`);
    expect(general.risk.riskFactors.map((f: { code: string }) => f.code)).not.toContain('OUD_DIAGNOSIS');
    expect(JSON.stringify(general)).not.toContain('F1120');
    await consents
      .insertInto('consent')
      .values({
        consent_id: 'c-part2',
        member_id: member,
        recipient: 'org:Harbor Recovery',
        purpose: 'treatment',
        covers_part2: true,
        start_date: '2026-01-01',
        end_date: null,
        revoked_at: null,
        recorded_by: null,
      })
      .execute();
    const full = (await get(member, staff)).json();
    expect(full.part2Withheld).toBe(false);
    expect(full.timeline.map((e: { claimId: string }) => e.claimId)).toContain(`${member}-OUD`);
    await consents
      .updateTable('consent')
      .set({ revoked_at: new Date() })
      .where('member_id', '=', member)
      .execute();
    expect((await get(member, staff)).statusCode).toBe(403);
  });

  it('leaves no member data in the log, even at trace level', async () => {
    const log = t.logLines.join('');
    expect(log.length).toBeGreaterThan(1000);
    for (const secret of [
      member,
      other,
      'Zebediah',
      'Quillfeather',
      '555-0199-7788',
      'Larkspur',
      '1971-04-05',
      'F1120',
    ])
      expect(log, secret).not.toContain(secret);
  });
});
