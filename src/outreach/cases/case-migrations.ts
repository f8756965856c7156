import type { Migration } from '../../platform/db/migration.ts';

/** Identification runs, their candidates, and outreach cases (RISK-RULES §7). */
export const caseMigrations: readonly Migration[] = [
  {
    name: 'outreach-001-runs-cases',
    sql: `
      create table identification_run (
        run_id text primary key,
        as_of date not null,
        rule_version text not null,
        factor_set text,
        started_at timestamptz not null default now(),
        counts jsonb not null default '{}'
      );
      create table outreach_case (
        case_id text primary key,
        member_id text not null,
        status text not null check (status in ('open', 'closed')),
        priority integer not null,
        market text,
        reasons jsonb not null,                 -- { emergencies, riskFactors, context } of the latest run
        latest_emergency_date date,
        opened_run_id text references identification_run (run_id),
        updated_run_id text references identification_run (run_id),
        assigned_to text references app_user (user_id),
        opened_at timestamptz not null default now(),
        closed_at timestamptz,
        close_reason text check (close_reason in ('engaged', 'declined', 'unreachable', 'ineligible', 'other')),
        note text,
        version integer not null default 1,     -- optimistic concurrency: every write bumps it
        updated_at timestamptz not null default now()
      );
      create unique index outreach_case_one_open on outreach_case (member_id) where status = 'open';
      create index outreach_case_queue on outreach_case (status, priority desc, latest_emergency_date desc, member_id);
      create index outreach_case_assigned on outreach_case (assigned_to) where status = 'open';
      create index outreach_case_member on outreach_case (member_id, closed_at);
      create table run_candidate (
        run_id text not null references identification_run (run_id),
        member_id text not null,
        market text,
        priority integer not null,
        disposition text not null check (disposition in ('new', 'open', 'suppressed')),
        suppression_reason text,                -- CLOSED_RECENTLY | DECLINED_RECENTLY
        case_id text references outreach_case (case_id),
        reasons jsonb not null,
        primary key (run_id, member_id)
      );`,
  },
  {
    name: 'outreach-002-queue-order-index',
    // Matches the worklist's order (RISK-RULES §7: priority, latest emergency, member id) so a page is an index walk.
    sql: `
      drop index if exists outreach_case_queue;
      create index outreach_case_queue on outreach_case (priority desc, latest_emergency_date desc nulls last, member_id)
        where status = 'open';`,
  },
  {
    name: 'outreach-003-worklist-filter-index',
    // The worklist's WHERE (status, then a caseload: assigned_to = me or unassigned) and its count(*)
    // read this index (an index-only count once vacuumed) instead of every case.
    sql: `
      create index outreach_case_status_assigned on outreach_case (status, assigned_to);`,
  },
];
