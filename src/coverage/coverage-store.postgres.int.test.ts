import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { migrateOpsStore } from '../platform/db/migrate.ts';
import { openOpsStore } from '../platform/db/open-ops-store.ts';
import type { OpsStore } from '../platform/db/ops-db.ts';
import {
  createDatabase,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../platform/db/testing/throwaway-postgres.ts';
import { readNetwork, readPlans, seedDemoCoverage } from './plans/plan-store.ts';
import { insertAuthorization, readAuthorization, saveAuthorization } from './preauth/authorization-store.ts';
import { makeDetoxRequest } from './preauth/fixtures.ts';
import { applyAuthorizationAction, receiveAuthorization } from './preauth/transitions.ts';

let server: ThrowawayPostgres;
let store: OpsStore | undefined;
beforeAll(async () => {
  server = await startThrowawayPostgres();
  if ('skipped' in server) {
    console.warn(`real PostgreSQL tests skipped: ${server.skipped}`);
    return;
  }
  store = await openOpsStore({ databaseUrl: await createDatabase(server.url, 'coverage') });
  await migrateOpsStore(store, migrations);
}, 120_000);
afterAll(async () => {
  await store?.close();
  if (server && 'stop' in server) await server.stop();
});

describe('coverage store on a real PostgreSQL server', () => {
  it('seeds the demo plans and network twice without duplicates', async (context) => {
    if (!store) return context.skip();
    await seedDemoCoverage(store.db);
    await seedDemoCoverage(store.db);
    expect((await readPlans(store.db)).map((p) => p.planId)).toContain('CKP-PPO-400');
    expect(await readNetwork(store.db)).toHaveLength(58);
  });

  it('stores a request, its decision, history and notices, and refuses a stale save', async (context) => {
    if (!store) return context.skip();
    const received = receiveAuthorization({
      id: 'PA-PG-1',
      request: makeDetoxRequest(),
      receivedAt: '2026-11-20T16:30:00.000Z',
      actor: 'facility_staff:f1',
    });
    await insertAuthorization(store.db, received);
    const stored = await readAuthorization(store.db, 'PA-PG-1');
    expect(stored).toMatchObject({ status: 'submitted', version: 1, dueAt: '2026-11-27T16:30:00.000Z' });
    const reviewing = applyAuthorizationAction(
      stored,
      { kind: 'start-review' },
      '2026-11-21T09:00:00.000Z',
      'um_reviewer:r1',
    );
    await saveAuthorization(store.db, stored, reviewing);
    await expect(saveAuthorization(store.db, stored, reviewing)).rejects.toThrow(/changed by someone else/);
    const again = await readAuthorization(store.db, 'PA-PG-1');
    const approved = applyAuthorizationAction(
      again,
      { kind: 'approve' },
      '2026-11-21T10:00:00.000Z',
      'um_reviewer:r1',
    );
    await saveAuthorization(store.db, again, approved);
    const final = await readAuthorization(store.db, 'PA-PG-1');
    expect(final).toMatchObject({ status: 'approved', version: 3, decision: { approvedUnits: [5] } });
    expect(final.history.map((h) => h.action)).toEqual(['submit', 'start-review', 'approve']);
    expect(final.notifications.map((n) => `${n.recipient}:${n.kind}`)).toEqual([
      'facility:received',
      'facility:decision',
      'member:decision',
    ]);
  });
});
