import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../testing/fhir-validator.ts';
import { buildTestApp, type TestApp } from '../../testing/test-app.ts';
import { writeAuditEvent } from './audit-event.ts';
import { auditInput } from './testing/audit-input.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  for (let i = 0; i < 5; i++)
    await writeAuditEvent(t.store.db, auditInput(i, i === 3 ? 'denied' : 'success'));
});
afterAll(async () => {
  await t.close();
});

describe('the audit log', () => {
  it('chains every event to the one before', async () => {
    const report = await verifyAuditChain(t.store.db);
    expect(report.events).toBeGreaterThanOrEqual(5);
    expect(report.broken).toEqual([]);
    const rows = await t.store.db
      .selectFrom('audit_event')
      .select(['seq', 'prev_hash', 'hash'])
      .orderBy('seq')
      .execute();
    expect(rows[0]?.prev_hash).toBe('genesis');
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database', async () => {
    await expect(
      sql`update audit_event set outcome = 'success' where seq = 4`.execute(t.store.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event where seq = 1`.execute(t.store.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`truncate audit_event`.execute(t.store.db)).rejects.toThrow(/append-only/);
  });

  it('detects a row changed behind the triggers', async () => {
    const fresh = await buildTestApp();
    try {
      for (let i = 0; i < 3; i++)
        await writeAuditEvent(fresh.store.db, {
          actorId: 'u',
          actorUsername: 'u',
          actorRole: 'admin',
          action: 'read',
          memberId: null,
          resourceType: 'X',
          resourceId: null,
          purpose: 'security',
          outcome: 'success',
          requestId: null,
        });
      // Someone with table-owner rights switches the guard off and edits history.
      await fresh.store.execScript(`
        alter table audit_event disable trigger audit_event_no_update;
        update audit_event set outcome = 'denied' where seq = 2;
        alter table audit_event enable trigger audit_event_no_update;`);
      const report = await verifyAuditChain(fresh.store.db);
      expect(report.broken).toEqual([{ seq: 2, problem: 'digest' }]);
    } finally {
      await fresh.close();
    }
  });

  it('is searchable by admins and exported as FHIR AuditEvent', async () => {
    const admin = await t.logIn('admin');
    const search = await t.app.inject({
      method: 'GET',
      url: '/api/audit-events?memberId=M3&outcome=denied',
      headers: admin.headers,
    });
    expect(search.statusCode).toBe(200);
    expect(search.json().items).toMatchObject([
      { memberId: 'M3', outcome: 'denied', actorRole: 'case_manager', requestId: 'req-3' },
    ]);
    const fhir = await t.app.inject({
      method: 'GET',
      url: '/api/audit-events/fhir?memberId=M1',
      headers: admin.headers,
    });
    expect(fhir.statusCode).toBe(200);
    const bundle = fhir.json();
    expect(bundle.resourceType).toBe('Bundle');
    const event = bundle.entry[0].resource;
    expect(event).toMatchObject({
      resourceType: 'AuditEvent',
      action: 'R',
      outcome: '0',
      purposeOfEvent: [{ coding: [{ code: 'TREAT' }] }],
      entity: [{ what: { identifier: { value: 'M1' } } }, { what: { reference: 'Member/M1' } }],
    });
    await expectValidFhir(bundle);
    for (const entry of bundle.entry) await expectValidFhir(entry.resource);
  });

  it('audits the admin search itself', async () => {
    const rows = await t.store.db
      .selectFrom('audit_event')
      .select(['action', 'resource_type'])
      .where('resource_type', '=', 'AuditEvent')
      .execute();
    expect(rows.map((r) => r.action).sort()).toEqual(['export', 'search']);
  });
});
