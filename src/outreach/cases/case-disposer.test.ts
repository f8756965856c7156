import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations.ts';
import { migrateOpsStore } from '../../platform/db/migrate.ts';
import { openOpsStore } from '../../platform/db/open-ops-store.ts';
import type { OpsStore } from '../../platform/db/ops-db.ts';
import type { Candidate } from '../../risk/index.ts';
import { createCaseDisposer } from './case-disposer.ts';
import type { CaseTables } from './case-tables.ts';
import { seedCase } from './seed-case.ts';

let store: OpsStore;
beforeAll(async () => {
  store = await openOpsStore({ pgliteDir: 'memory://' });
  await migrateOpsStore(store, migrations);
});
afterAll(async () => {
  await store.close();
});

const asOf = '2026-06-30';
const at = (date: string) => new Date(`${date}T12:00:00Z`);
function candidate(memberId: string, latestEmergency: string, priority = 60): Candidate {
  return {
    memberId,
    market: 'NJ',
    priority,
    latestEmergency,
    emergencies: [{ kind: 'ED_VISIT', date: latestEmergency, claimId: `C-${memberId}` }],
    riskFactors: [{ code: 'HIGH_MME', value: 120, evidence: [`RX-${memberId}`] }],
    exclusions: [],
    context: [],
  };
}
const header = (runId: string) => ({ runId, asOf, ruleVersion: '2026.1', factorSet: 'cdc-2022' });

describe('case dispositions (RISK-RULES §7)', () => {
  it('opens, updates, and suppresses with the reason named', async () => {
    const db = store.db.withTables<CaseTables>();
    const openId = await seedCase(store.db, { memberId: 'M2', priority: 10 });
    await seedCase(store.db, {
      memberId: 'M3',
      status: 'closed',
      closedAt: at('2026-06-01'),
      closeReason: 'unreachable',
    });
    await seedCase(store.db, {
      memberId: 'M4',
      status: 'closed',
      closedAt: at('2026-06-01'),
      closeReason: 'unreachable',
    });
    await seedCase(store.db, {
      memberId: 'M5',
      status: 'closed',
      closedAt: at('2026-03-01'),
      closeReason: 'declined',
    });
    await seedCase(store.db, {
      memberId: 'M6',
      status: 'closed',
      closedAt: at('2026-03-15'),
      closeReason: 'engaged',
    });
    const disposer = createCaseDisposer(store.db);
    const decisions = await disposer.dispose(header('run-1'), [
      candidate('M1', '2026-06-20'),
      candidate('M2', '2026-06-25', 77),
      candidate('M3', '2026-05-20'), // emergency before the closing: quiet
      candidate('M4', '2026-06-10'), // emergency after the closing: a new case
      candidate('M5', '2026-06-10'), // declined 121 days ago
      candidate('M6', '2026-06-10'), // closed 107 days ago
    ]);
    expect(Object.fromEntries(decisions)).toEqual({
      M1: { disposition: 'new' },
      M2: { disposition: 'open' },
      M3: { disposition: 'suppressed', reason: 'CLOSED_RECENTLY' },
      M4: { disposition: 'new' },
      M5: { disposition: 'suppressed', reason: 'DECLINED_RECENTLY' },
      M6: { disposition: 'new' },
    });
    const m2 = await db.selectFrom('outreach_case').selectAll().where('member_id', '=', 'M2').execute();
    expect(m2).toHaveLength(1);
    expect(m2[0]).toMatchObject({
      case_id: openId,
      priority: 77,
      version: 2,
      updated_run_id: 'run-1',
      latest_emergency_date: '2026-06-25',
    });
    const candidates = await db
      .selectFrom('run_candidate')
      .selectAll()
      .where('run_id', '=', 'run-1')
      .orderBy('member_id')
      .execute();
    expect(
      candidates.map((c) => [c.member_id, c.disposition, c.suppression_reason, c.case_id !== null]),
    ).toEqual([
      ['M1', 'new', null, true],
      ['M2', 'open', null, true],
      ['M3', 'suppressed', 'CLOSED_RECENTLY', false],
      ['M4', 'new', null, true],
      ['M5', 'suppressed', 'DECLINED_RECENTLY', false],
      ['M6', 'new', null, true],
    ]);
    const run = await db
      .selectFrom('identification_run')
      .selectAll()
      .where('run_id', '=', 'run-1')
      .executeTakeFirstOrThrow();
    expect(run.counts).toEqual({ candidates: 6, new: 3, open: 1, suppressed: 2 });
  });

  it('never opens a second case on a later run: a new case becomes open', async () => {
    const decisions = await createCaseDisposer(store.db).dispose(header('run-2'), [
      candidate('M1', '2026-06-20'),
    ]);
    expect(decisions.get('M1')).toEqual({ disposition: 'open' });
    const rows = await store.db
      .withTables<CaseTables>()
      .selectFrom('outreach_case')
      .select('case_id')
      .where('member_id', '=', 'M1')
      .execute();
    expect(rows).toHaveLength(1);
  });
});
