import type { Migration } from '../../platform/db/migration.ts';

/** Indexes that keep a worklist page an index walk at any depth. */
export const worklistMigrations: readonly Migration[] = [
  {
    name: 'worklist-001-queue-covering-index',
    // The queue order (RISK-RULES §7) carrying the caseload filter (assigned_to) and the case id:
    // a page's ids are an index-only scan once the table is vacuumed, however deep the page.
    // It replaces outreach-002's queue index (same keys and predicate), so writes keep one index, not two.
    sql: `
      drop index if exists outreach_case_queue;
      create index outreach_case_queue_page on outreach_case
        (priority desc, latest_emergency_date desc nulls last, member_id) include (assigned_to, case_id)
        where status = 'open';`,
  },
];
