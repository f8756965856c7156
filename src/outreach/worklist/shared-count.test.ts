import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations.ts';
import type { OpsStore } from '../../platform/db/ops-db.ts';
import { openTestOpsStore } from '../../platform/db/testing/template-store.ts';
import type { CaseTables } from '../cases/case-tables.ts';
import { seedCase } from '../cases/seed-case.ts';
import { countShared } from './shared-count.ts';

let store: OpsStore;
beforeAll(async () => {
  store = await openTestOpsStore(migrations);
  for (let i = 0; i < 3; i++) await seedCase(store.db, { memberId: `SC${i}` });
});
afterAll(async () => {
  await store.close();
});

const openCases = () =>
  store.db
    .withTables<CaseTables>()
    .selectFrom('outreach_case')
    .where('status', '=', 'open')
    .select((eb) => eb.fn.countAll<number>().as('n'));

describe('a shared count', () => {
  it('runs once for callers asking the same query together, and gives each the count', async () => {
    let runs = 0;
    const q = openCases();
    const run = async () => {
      runs += 1;
      return Number((await q.executeTakeFirst())?.n ?? 0);
    };
    const counts = await Promise.all(
      Array.from({ length: 10 }, () => countShared(store.db, q.compile(), run)),
    );
    expect(counts).toEqual(Array(10).fill(3));
    expect(runs).toBe(1);
  });

  it('never answers a caller from a count that started before it asked', async () => {
    const q = openCases();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    const run = async () => {
      runs += 1;
      const n = Number((await q.executeTakeFirst())?.n ?? 0);
      if (runs === 1) await gate; // the first count is still "running" when the next caller comes
      return n;
    };
    const early = countShared(store.db, q.compile(), run);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await seedCase(store.db, { memberId: 'SC-late' });
    const late = countShared(store.db, q.compile(), run);
    release();
    expect(await early).toBe(3);
    expect(await late).toBe(4);
    expect(runs).toBe(2);
  });
});
