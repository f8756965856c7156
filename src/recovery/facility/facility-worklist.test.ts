import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCase } from '../../outreach/cases/seed-case.ts';
import { addDays } from '../../platform/calendar/iso-days.ts';
import { buildTestApp, type TestApp, type TestUser } from '../../testing/test-app.ts';
import { dueFor, type FacilityMember } from './facility-worklist.ts';

const today = '2026-06-15';
const base: Omit<FacilityMember, 'due'> = {
  memberId: 'M1',
  services: [{ requestId: 'r', service: 'individual', status: 'accepted', version: 2 }],
  lastAssessedOn: addDays(today, -10),
  planUpdatedOn: addDays(today, -30),
  lastReportedOn: addDays(today, -7),
};
const kinds = (m: Omit<FacilityMember, 'due'>) => dueFor(m, today).map((d) => d.kind);

describe('what a facility owes for a referred member', () => {
  it('is nothing on the day each clock still holds', () => {
    expect(kinds(base)).toEqual([]);
  });
  it('is each item the day after its clock runs out', () => {
    expect(kinds({ ...base, planUpdatedOn: addDays(today, -31) })).toEqual(['plan_review']);
    expect(kinds({ ...base, lastReportedOn: addDays(today, -8) })).toEqual(['report']);
    expect(kinds({ ...base, lastAssessedOn: addDays(today, -366) })).toEqual(['assessment']);
    expect(kinds({ ...base, lastAssessedOn: addDays(today, -365) })).toEqual([]);
  });
  it('asks to answer a referral first, and wants no session report before the referral is accepted', () => {
    const waiting = {
      ...base,
      services: [{ ...base.services[0]!, status: 'requested' }],
      lastReportedOn: null,
    };
    expect(kinds(waiting)).toEqual(['answer_referral']);
    expect(kinds({ ...base, lastAssessedOn: null, lastReportedOn: null })).toEqual(['assessment', 'report']);
  });
});

describe('the facility worklist over HTTP', () => {
  let t: TestApp;
  let cm: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    cm = await t.logIn('case_manager');
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists only the members referred to the facility, with what is due', async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-W1', assignedTo: cm.userId });
    const plan = await t.app.inject({
      method: 'POST',
      url: '/api/members/M-W1/care-plans',
      headers: cm.headers,
      payload: {
        category: 'treatment',
        status: 'active',
        caseId,
        content: { title: 'P', goals: [], careTeam: [] },
      },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/care-plans/${plan.json().planId}/services`,
      headers: cm.headers,
      payload: {
        category: 'counseling',
        service: 'group',
        performerName: 'Harbor',
        performerNpi: '1234567893',
      },
    });
    const harbor = await t.logIn('facility_staff', { organization: '1234567893' });
    const other = await t.logIn('facility_staff', { organization: '1987654320' });
    const mine = (
      await t.app.inject({ method: 'GET', url: '/api/recovery/facility/members', headers: harbor.headers })
    ).json();
    expect(mine.members).toEqual([
      expect.objectContaining({
        memberId: 'M-W1',
        due: [
          { kind: 'answer_referral', text: 'Accept or decline the referral' },
          { kind: 'assessment', text: 'No assessment yet' },
        ],
      }),
    ]);
    const theirs = (
      await t.app.inject({ method: 'GET', url: '/api/recovery/facility/members', headers: other.headers })
    ).json();
    expect(theirs.members).toEqual([]);
  });
});
