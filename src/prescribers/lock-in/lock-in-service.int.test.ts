import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateOpsStore } from '../../platform/db/migrate.ts';
import { openOpsStore } from '../../platform/db/open-ops-store.ts';
import type { OpsStore } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import { prescriberMigrations } from '../prescriber-migrations.ts';
import { applyLockInCommand, createLockInProposal, runLockInDailyJob } from './lock-in-service.ts';
import { listLockInEvents, loadLockIn, type PrescriberDb, prescriberDb } from './lock-in-store.ts';

let store: OpsStore;
let db: PrescriberDb;
const evidence = {
  criteria: ['OVERDOSE_HISTORY_WITH_OPIOID' as const],
  averageDailyMmeW180: 45,
  prescribersW180: 2,
  pharmaciesW180: 2,
  asOf: '2026-01-31',
};

beforeAll(async () => {
  store = await openOpsStore({ pgliteDir: 'memory://' });
  await migrateOpsStore(store, prescriberMigrations);
  db = prescriberDb(store.db);
});
afterAll(async () => store?.close());

async function confirmedLockIn(memberId: string, effectiveFrom: string) {
  const l = await createLockInProposal(db, memberId, evidence, '2026-02-01', 'pharmacist-1');
  await applyLockInCommand(
    db,
    l.id,
    { kind: 'decide', scope: 'pharmacy', rationale: 'overdose in January' },
    '2026-02-01',
    'pharmacist-1',
  );
  await applyLockInCommand(db, l.id, { kind: 'send_initial_notice' }, '2026-02-01', 'pharmacist-1');
  await applyLockInCommand(
    db,
    l.id,
    { kind: 'record_member_response', receivedOn: '2026-02-10', preferredPharmacyNpi: '1003000126' },
    '2026-02-10',
    'pharmacist-1',
  );
  return applyLockInCommand(
    db,
    l.id,
    { kind: 'send_second_notice', effectiveFrom },
    '2026-02-11',
    'pharmacist-1',
  );
}

describe('lock-in store and daily job', () => {
  it('stores each transition with its event and reads the lock-in back whole', async () => {
    const l = await confirmedLockIn('M-STORE', '2026-03-01');
    const back = await loadLockIn(db, l.id);
    expect(back).toEqual(l);
    expect(back).toMatchObject({
      state: 'second_notice_sent',
      pharmacyNpi: '1003000126',
      endsOn: '2027-02-28',
    });
    const kinds = (await listLockInEvents(db, l.id)).map((e) => e.kind);
    expect(kinds).toEqual([
      'propose',
      'decide',
      'send_initial_notice',
      'record_member_response',
      'send_second_notice',
    ]);
  });

  it('refuses an illegal transition and leaves the stored lock-in and its history unchanged', async () => {
    const l = await createLockInProposal(db, 'M-ILLEGAL', evidence, '2026-02-01', 'p');
    await expect(
      applyLockInCommand(db, l.id, { kind: 'extend', months: 3, rationale: 'r' }, '2026-02-02', 'p'),
    ).rejects.toThrow(AppError);
    expect(await loadLockIn(db, l.id)).toEqual(l);
    expect(await listLockInEvents(db, l.id)).toHaveLength(1);
  });

  it('refuses a second open lock-in for the same member', async () => {
    await createLockInProposal(db, 'M-TWICE', evidence, '2026-02-01', 'p');
    await expect(createLockInProposal(db, 'M-TWICE', evidence, '2026-02-02', 'p')).rejects.toThrow(
      'already has an open lock-in',
    );
  });

  it('refuses a stale write when someone else changed the lock-in first', async () => {
    const l = await createLockInProposal(db, 'M-RACE', evidence, '2026-02-01', 'p');
    const results = await Promise.allSettled([
      applyLockInCommand(db, l.id, { kind: 'decide', scope: 'both', rationale: 'a' }, '2026-02-02', 'p1'),
      applyLockInCommand(db, l.id, { kind: 'decide_no_action', rationale: 'b' }, '2026-02-02', 'p2'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await listLockInEvents(db, l.id)).toHaveLength(2);
  });

  it('activates and expires on schedule, and a second run the same day does nothing', async () => {
    const l = await confirmedLockIn('M-JOB', '2026-03-02');
    const seen: string[] = [];
    await runLockInDailyJob(db, '2026-03-01');
    expect((await loadLockIn(db, l.id)).state).toBe('second_notice_sent');
    const first = await runLockInDailyJob(db, '2026-03-02', (x) => seen.push(`${x.memberId}:${x.state}`));
    expect(first.activated).toBeGreaterThanOrEqual(1);
    expect(seen).toContain('M-JOB:active');
    const again = await runLockInDailyJob(db, '2026-03-02');
    expect(again).toMatchObject({ activated: 0, expired: 0 });
    await runLockInDailyJob(db, '2027-03-01');
    const lastDay = await loadLockIn(db, l.id);
    expect(lastDay.state).toBe('active');
    await runLockInDailyJob(db, '2027-03-02');
    await runLockInDailyJob(db, '2027-03-02');
    const done = await loadLockIn(db, l.id);
    expect(done).toMatchObject({ state: 'expired', closedOn: '2027-03-02' });
    const kinds = (await listLockInEvents(db, l.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'activate')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'expire')).toHaveLength(1);
  });
});
