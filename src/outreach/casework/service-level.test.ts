import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations.ts';
import { businessDayTableYears } from '../../platform/calendar/business-days.ts';
import type { OpsStore } from '../../platform/db/ops-db.ts';
import { openTestOpsStore } from '../../platform/db/testing/template-store.ts';
import { seedCase } from '../cases/seed-case.ts';
import { firstAttemptDueAt, firstAttemptDueDate, firstAttemptDueDateSql } from './service-level.ts';

describe('firstAttemptDueDate', () => {
  it('gives Wednesday for a case opened on Monday', () => {
    expect(firstAttemptDueDate(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-25');
  });
  it('skips the weekend: Thursday and Friday are due on Monday and Tuesday', () => {
    expect(firstAttemptDueDate(new Date('2026-12-03T10:00:00Z'))).toBe('2026-12-07');
    expect(firstAttemptDueDate(new Date('2026-12-04T10:00:00Z'))).toBe('2026-12-08');
  });
  it('counts from the next Monday for a case opened at the weekend', () => {
    expect(firstAttemptDueDate(new Date('2026-11-28T10:00:00Z'))).toBe('2026-12-01');
    expect(firstAttemptDueDate(new Date('2026-11-29T10:00:00Z'))).toBe('2026-12-01');
  });
  it('skips federal holidays: a case opened the Wednesday before Thanksgiving is due Monday', () => {
    expect(firstAttemptDueDate(new Date('2026-11-25T15:00:00Z'))).toBe('2026-11-30');
    // Thanksgiving itself, then the Friday after (a business day) and Monday.
    expect(firstAttemptDueDate(new Date('2026-11-26T15:00:00Z'))).toBe('2026-11-30');
    // Friday 3 July 2026 is Independence Day observed.
    expect(firstAttemptDueDate(new Date('2026-07-01T15:00:00Z'))).toBe('2026-07-06');
  });
  it('falls due at the end of the due day', () => {
    expect(firstAttemptDueAt(new Date('2026-11-23T23:00:00Z'))).toBe('2026-11-25T23:59:59.999Z');
  });
});

describe('the due date in SQL', () => {
  let store: OpsStore;
  beforeAll(async () => {
    store = await openTestOpsStore(migrations);
  });
  afterAll(async () => {
    await store.close();
  });

  /** What the store's `first_attempt_due_date` gives for each opening instant, in order. */
  const dueByFunction = async (opened: readonly string[]): Promise<string[]> => {
    const { rows } = await sql<{ due: string }>`select first_attempt_due_date(v::timestamptz)::text as due
      from jsonb_array_elements_text(${JSON.stringify(opened)}::jsonb) with ordinality as t (v, i)
      order by i`.execute(store.db);
    return rows.map((r) => r.due);
  };

  let batch = 0;
  /** Opens a case at each instant (one insert, as an identification run does) and reads back `firstAttemptDueDateSql`. */
  const dueOfOpenedCases = async (opened: readonly string[]): Promise<string[]> => {
    batch += 1;
    const { rows } = await sql<{ due: string }>`with opened as (
        insert into outreach_case (case_id, member_id, status, priority, reasons, opened_at)
        select 'SL' || ${batch} || '-' || i, 'SL' || ${batch} || '-' || i, 'open', 50, '{}'::jsonb, v::timestamptz
        from jsonb_array_elements_text(${JSON.stringify(opened)}::jsonb) with ordinality as t (v, i)
        returning case_id, ${sql.raw(firstAttemptDueDateSql)} as due
      )
      select due::text as due from opened order by split_part(case_id, '-', 2)::int`.execute(store.db);
    return rows.map((r) => r.due);
  };

  it('is due Monday 2026-11-30 for a case opened the Wednesday before Thanksgiving 2026', async () => {
    const opened = ['2026-11-25T00:00:00.000Z', '2026-11-25T23:59:59.999Z'];
    expect(await dueOfOpenedCases(opened)).toEqual(['2026-11-30', '2026-11-30']);
  });

  it('moves the due day when a case’s opening time changes', async () => {
    const caseId = await seedCase(store.db, { memberId: 'SL-MOVED' });
    const due = () =>
      sql<{ due: string }>`select ${sql.raw(firstAttemptDueDateSql)}::text as due from outreach_case
        where case_id = ${caseId}`.execute(store.db);
    await sql`update outreach_case set opened_at = '2026-12-23T12:00:00Z' where case_id = ${caseId}`.execute(
      store.db,
    );
    expect((await due()).rows[0]?.due).toBe('2026-12-28');
  });

  it('agrees with the JS due date for cases opened at random times, 2024–2030', async () => {
    const from = Date.parse('2024-01-01T00:00:00Z');
    const to = Date.parse('2031-01-01T00:00:00Z');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: from, max: to - 1 }), { minLength: 1, maxLength: 100 }),
        async (ms) => {
          const opened = ms.map((m) => new Date(m));
          expect(await dueOfOpenedCases(opened.map((d) => d.toISOString()))).toEqual(
            opened.map((d) => firstAttemptDueDate(d)),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('agrees with the JS due date on every day the calendar table covers', async () => {
    // The due day depends only on the UTC opening day; the last instant of each day is the edge.
    const opened: string[] = [];
    const last = Date.parse(`${businessDayTableYears.to}-12-25T00:00:00Z`);
    for (let t = Date.parse(`${businessDayTableYears.from - 1}-12-31T00:00:00Z`); t <= last; t += 86_400_000)
      opened.push(new Date(t + 86_399_999).toISOString());
    expect(await dueByFunction(opened)).toEqual(opened.map((o) => firstAttemptDueDate(new Date(o))));
  });
});
