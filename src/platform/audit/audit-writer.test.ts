import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations.ts';
import { migrateOpsStore } from '../db/migrate.ts';
import { openOpsStore } from '../db/open-ops-store.ts';
import type { OpsStore } from '../db/ops-db.ts';
import { openTestOpsStore } from '../db/testing/template-store.ts';
import { createDatabase, startThrowawayPostgres } from '../db/testing/throwaway-postgres.ts';
import { type AuditInput, writeAuditEvent } from './audit-event.ts';
import { AuditWriter } from './audit-writer.ts';
import { auditInput } from './testing/audit-input.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const event = auditInput;

const stores: Array<{ name: string; store?: OpsStore; skip?: string; stop?: () => Promise<void> }> = [
  { name: 'PGlite' },
  { name: 'PostgreSQL' },
];
beforeAll(async () => {
  const pglite = stores[0];
  const postgres = stores[1];
  if (!pglite || !postgres) return;
  pglite.store = await openTestOpsStore(migrations);
  const server = await startThrowawayPostgres();
  if ('skipped' in server) {
    postgres.skip = server.skipped;
    console.warn(`real PostgreSQL audit writer tests skipped: ${server.skipped}`);
    return;
  }
  postgres.stop = server.stop;
  postgres.store = await openOpsStore({ databaseUrl: await createDatabase(server.url, 'audit') });
  await migrateOpsStore(postgres.store, migrations);
}, 120_000);
afterAll(async () => {
  for (const s of stores) {
    await s.store?.close();
    await s.stop?.();
  }
});

describe.each(stores.map((s) => [s.name, s] as const))('the audit writer on %s', (_name, s) => {
  it('writes concurrent events in call order as one intact chain', async (context) => {
    if (!s.store) return context.skip();
    const db = s.store.db;
    const before = (await verifyAuditChain(db)).events;
    const writer = new AuditWriter(db);
    await Promise.all(Array.from({ length: 60 }, (_, i) => writer.write(event(i))));
    const report = await verifyAuditChain(db);
    expect(report.broken).toEqual([]);
    expect(report.events).toBe(before + 60);
    const rows = await db
      .selectFrom('audit_event')
      .select(['request_id'])
      .where('seq', '>', before)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.request_id)).toEqual(Array.from({ length: 60 }, (_, i) => `req-${i}`));
  });

  it('fails only the request whose event cannot be written, and writes the rest', async (context) => {
    if (!s.store) return context.skip();
    const db = s.store.db;
    const writer = new AuditWriter(db);
    const results = await Promise.allSettled([
      writer.write(event(100)),
      writer.write(event(101, 'no-such-outcome' as AuditInput['outcome'])),
      writer.write(event(102)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = await db
      .selectFrom('audit_event')
      .select(['request_id'])
      .where('request_id', 'in', ['req-100', 'req-101', 'req-102'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.request_id)).toEqual(['req-100', 'req-102']);
    expect((await verifyAuditChain(db)).broken).toEqual([]);
  });

  it('writes inside a transaction with that transaction, so a rollback takes the event with it', async (context) => {
    if (!s.store) return context.skip();
    const db = s.store.db;
    await expect(
      db.transaction().execute(async (trx) => {
        await writeAuditEvent(trx, event(200));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const rows = await db
      .selectFrom('audit_event')
      .select('seq')
      .where('request_id', '=', 'req-200')
      .execute();
    expect(rows).toEqual([]);
  });
});
