import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations.ts';
import { createCaseDisposer } from '../../outreach/cases/case-disposer.ts';
import { seedCase } from '../../outreach/cases/seed-case.ts';
import { fixtureAsOf, seedMemberWithClaims } from '../../outreach/members/member-fixture.ts';
import { buildTestApp, type TestApp } from '../../testing/test-app.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { migrateOpsStore } from './migrate.ts';
import { openOpsStore } from './open-ops-store.ts';
import {
  createDatabase,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from './testing/throwaway-postgres.ts';

// One throwaway server for this whole file (started once, stopped at the end).
let server: ThrowawayPostgres;
let t: TestApp | undefined;
beforeAll(async () => {
  server = await startThrowawayPostgres();
  if ('skipped' in server) {
    console.warn(`real PostgreSQL tests skipped: ${server.skipped}`);
    return;
  }
  t = await buildTestApp({ databaseUrl: await createDatabase(server.url, 'app') });
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (server && 'stop' in server) await server.stop();
});

const pgIt = (name: string, fn: (app: TestApp, url: string) => Promise<void>) =>
  it(name, async (context) => {
    if (!t || 'skipped' in server) return context.skip();
    await fn(t, server.url);
  });

describe('on a real PostgreSQL server', () => {
  pgIt('migrates from empty, and a second run applies nothing', async (_t, url) => {
    const store = await openOpsStore({ databaseUrl: await createDatabase(url, 'fresh') });
    try {
      expect(await migrateOpsStore(store, migrations)).toEqual(migrations.map((m) => m.name));
      expect(await migrateOpsStore(store, migrations)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  pgIt('signs in, checks CSRF and roles, and signs out', async (app) => {
    const cm = await app.logIn('case_manager');
    expect(
      (await app.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cm.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await app.app.inject({ method: 'GET', url: '/api/audit-events', headers: cm.headers })).statusCode,
    ).toBe(403);
    expect(
      (await app.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: cm.cookie } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await app.app.inject({ method: 'POST', url: '/api/auth/logout', headers: cm.headers })).statusCode,
    ).toBe(204);
    expect(
      (await app.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cm.cookie } })).statusCode,
    ).toBe(401);
  });

  pgIt('keeps the audit log append-only and its chain intact under concurrent writers', async (app) => {
    const admin = await app.logIn('admin');
    await Promise.all(
      Array.from({ length: 20 }, () =>
        app.app.inject({ method: 'GET', url: '/api/audit-events?pageSize=1', headers: admin.headers }),
      ),
    );
    const report = await verifyAuditChain(app.store.db);
    expect(report.events).toBeGreaterThan(20);
    expect(report.broken).toEqual([]);
    await expect(sql`update audit_event set outcome = 'denied'`.execute(app.store.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_event`.execute(app.store.db)).rejects.toThrow(/append-only/);
  });

  pgIt('never loses a write to one case under concurrent edits (409 on a stale version)', async (app) => {
    const cm = await app.logIn('case_manager');
    const caseId = await seedCase(app.store.db, { memberId: 'PG-BUSY' });
    const writers = Array.from({ length: 8 }, (_, i) => `w${i}`);
    await Promise.all(
      writers.map(async (tag) => {
        for (;;) {
          const read = (
            await app.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: cm.headers })
          ).json();
          const res = await app.app.inject({
            method: 'PATCH',
            url: `/api/cases/${caseId}`,
            headers: cm.headers,
            payload: { version: read.version, note: `${read.note ?? ''}${tag};` },
          });
          if (res.statusCode === 200) return;
          expect(res.statusCode).toBe(409);
        }
      }),
    );
    const final = (
      await app.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: cm.headers })
    ).json();
    expect(final.note.split(';').filter(Boolean).sort()).toEqual(writers);
  });

  pgIt('opens, refreshes and suppresses cases from a run', async (app) => {
    await seedCase(app.store.db, { memberId: 'PG-OPEN' });
    await seedCase(app.store.db, {
      memberId: 'PG-DECLINED',
      status: 'closed',
      closeReason: 'declined',
      closedAt: new Date('2026-05-01T00:00:00Z'),
    });
    const c = (memberId: string) => ({
      memberId,
      market: 'NJ',
      priority: 50,
      latestEmergency: '2026-06-10',
      emergencies: [],
      riskFactors: [],
      exclusions: [],
      context: [],
    });
    const decisions = await createCaseDisposer(app.store.db).dispose(
      { runId: 'pg-run', asOf: '2026-06-30', ruleVersion: '2026.1', factorSet: 'cdc-2022' },
      [c('PG-NEW'), c('PG-OPEN'), c('PG-DECLINED')],
    );
    expect(Object.fromEntries(decisions)).toEqual({
      'PG-NEW': { disposition: 'new' },
      'PG-OPEN': { disposition: 'open' },
      'PG-DECLINED': { disposition: 'suppressed', reason: 'DECLINED_RECENTLY' },
    });
  });

  pgIt('leaves Part 2 claims out for facility staff under a general consent', async (app) => {
    await seedMemberWithClaims(app.warehouse, 'PGMEMBER1');
    await sql`insert into consent (consent_id, member_id, recipient, purpose, covers_part2, start_date)
              values ('pg-c1', 'PGMEMBER1', 'org:Harbor', 'treatment', false, '2026-01-01')`.execute(
      app.store.db,
    );
    const staff = await app.logIn('facility_staff', { organization: 'Harbor' });
    const res = await app.app.inject({
      method: 'GET',
      url: `/api/members/PGMEMBER1?asOf=${fixtureAsOf}`,
      headers: staff.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().timeline.some((e: { part2: boolean }) => e.part2)).toBe(false);
    expect(res.json().part2Withheld).toBe(true);
  });
});
