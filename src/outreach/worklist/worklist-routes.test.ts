import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestUser } from '../../testing/test-app.ts';
import type { CaseTables } from '../cases/case-tables.ts';
import { seedCase } from '../cases/seed-case.ts';

let t: TestApp;
let mine: TestUser;
let supervisor: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  mine = await t.logIn('case_manager');
  const someoneElse = await t.logIn('case_manager');
  supervisor = await t.logIn('supervisor');
  const reasons = (code: string) => ({
    emergencies: [{ kind: 'ED_VISIT', date: '2026-06-01', claimId: 'c' }],
    riskFactors: [{ code, evidence: [] }],
    context: [],
  });
  await seedCase(t.store.db, {
    memberId: 'W1',
    priority: 90,
    market: 'NJ',
    reasons: reasons('HIGH_MME'),
    latestEmergencyDate: '2026-06-01',
  });
  await seedCase(t.store.db, {
    memberId: 'W2',
    priority: 90,
    market: 'NJ',
    reasons: reasons('OUD_DIAGNOSIS'),
    latestEmergencyDate: '2026-06-20',
  });
  await seedCase(t.store.db, {
    memberId: 'W3',
    priority: 40,
    market: 'PHILADELPHIA',
    assignedTo: mine.userId,
    reasons: reasons('HIGH_MME'),
  });
  await seedCase(t.store.db, {
    memberId: 'W4',
    priority: 70,
    market: 'NJ',
    assignedTo: someoneElse.userId,
    reasons: reasons('HIGH_MME'),
  });
  await seedCase(t.store.db, { memberId: 'W5', priority: 99, status: 'closed', market: 'NJ' });
});
afterAll(async () => {
  await t.close();
});

const list = async (u: TestUser, query = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/worklist${query}`, headers: u.headers });
  expect(res.statusCode).toBe(200);
  return res.json() as { total: number; items: Array<{ memberId: string }> };
};
const ids = (page: { items: Array<{ memberId: string }> }) => page.items.map((i) => i.memberId);

describe('GET /api/worklist', () => {
  it('shows a case manager their caseload and the unassigned open cases, in priority then latest-emergency order', async () => {
    expect(ids(await list(mine))).toEqual(['W2', 'W1', 'W3']);
  });

  it('keeps closed unassigned cases from a case manager, as the member access policy does', async () => {
    expect(ids(await list(mine, '?status=closed'))).toEqual([]);
    expect(ids(await list(supervisor, '?status=closed'))).toEqual(['W5']);
  });

  it('shows a supervisor every open case', async () => {
    expect(ids(await list(supervisor))).toEqual(['W2', 'W1', 'W4', 'W3']);
  });

  it('filters by market, reason, assignment and minimum priority, and pages', async () => {
    expect(ids(await list(supervisor, '?market=PHILADELPHIA'))).toEqual(['W3']);
    expect(ids(await list(supervisor, '?reason=OUD_DIAGNOSIS'))).toEqual(['W2']);
    expect(ids(await list(mine, '?assigned=me'))).toEqual(['W3']);
    expect(ids(await list(supervisor, '?assigned=unassigned'))).toEqual(['W2', 'W1']);
    expect(ids(await list(supervisor, '?minPriority=80'))).toEqual(['W2', 'W1']);
    const page2 = await list(supervisor, '?pageSize=2&page=2');
    expect(page2.total).toBe(4);
    expect(ids(page2)).toEqual(['W4', 'W3']);
  });

  it("counts a case manager's total as the cases listed, under every filter", async () => {
    const queries = ['', '?assigned=me', '?assigned=unassigned', `?assigned=${supervisor.userId}`];
    queries.push('?market=NJ', '?reason=HIGH_MME', '?minPriority=80', '?status=closed', '?sort=member');
    for (const query of queries) {
      const page = await list(mine, query);
      expect(page.total, query).toBe(page.items.length);
    }
    expect((await list(mine)).total).toBe(3);
    expect((await list(mine, '?assigned=me')).total).toBe(1);
  });

  it('filters by every market of RISK-RULES §2, not only two-letter ones', async () => {
    expect(ids(await list(supervisor, '?market=NJ'))).toEqual(['W2', 'W1', 'W4']);
    expect((await list(supervisor, '?market=CHICAGO')).total).toBe(0);
    expect((await list(supervisor, '?market=NYC')).total).toBe(0);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/worklist?market=ATLANTIS',
      headers: mine.headers,
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('sorts by days since emergency, service-level due and member, ties in priority order', async () => {
    // W1 and W2 carry emergencies (W2 the latest); W3 and W4 none, so they follow in priority order.
    expect(ids(await list(supervisor, '?sort=emergency'))).toEqual(['W2', 'W1', 'W4', 'W3']);
    expect(ids(await list(supervisor, '?sort=member'))).toEqual(['W1', 'W2', 'W3', 'W4']);
    // Opened Mon 1 June (due Wed 3rd), Thu 4th (due Mon 8th), Fri 5th twice (due Tue 9th: then priority order).
    const opened = {
      W4: '2026-06-01T10:00:00Z',
      W3: '2026-06-04T10:00:00Z',
      W1: '2026-06-05T09:00:00Z',
      W2: '2026-06-05T10:00:00Z',
    };
    for (const [memberId, at] of Object.entries(opened))
      await t.store.db
        .withTables<CaseTables>()
        .updateTable('outreach_case')
        .set({ opened_at: new Date(at) })
        .where('member_id', '=', memberId)
        .execute();
    expect(ids(await list(supervisor, '?sort=due'))).toEqual(['W4', 'W3', 'W2', 'W1']);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/worklist?sort=first_name',
      headers: mine.headers,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a malformed filter with the one error shape', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/worklist?pageSize=5000',
      headers: mine.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'querystring.pageSize' }],
    });
  });

  it('audits each page with the members it showed', async () => {
    const row = await t.store.db
      .selectFrom('audit_event')
      .select(['detail', 'resource_type', 'outcome'])
      .where('actor_id', '=', mine.userId)
      .where('resource_type', '=', 'Worklist')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ detail: 'W2,W1,W3', resource_type: 'Worklist', outcome: 'success' });
  });
});
