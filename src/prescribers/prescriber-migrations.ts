import type { Migration } from '../platform/db/migration.ts';

/** Lock-ins and their notices (RISK-RULES §9), prescriber letters and their secure delivery (§8). */
export const prescriberMigrations: readonly Migration[] = [
  {
    name: 'prescribers-001-lock-in',
    sql: `
      create table lock_in (
        lock_in_id text primary key,
        member_id text not null,
        state text not null check (state in ('proposed', 'no_action', 'decided', 'initial_notice_sent',
          'second_notice_sent', 'active', 'extended', 'appealed', 'expired', 'ended')),
        evidence jsonb not null,
        proposed_on date not null,
        scope text check (scope in ('pharmacy', 'prescriber', 'both')),
        rationale text,
        decided_on date,
        decided_by text,
        initial_notice_on date,
        response_due_on date,
        member_response jsonb,
        second_notice_on date,
        pharmacy_npi text,
        prescriber_npi text,
        effective_from date,
        ends_on date,
        extended_on date,
        appeal_filed_on date,
        appeal_from_state text,
        appeal_decided_on date,
        appeal_outcome text check (appeal_outcome in ('upheld', 'overturned')),
        closed_on date,
        close_reason text,
        version integer not null,
        updated_at timestamptz not null default now()
      );
      -- One open lock-in per member: a second proposal waits until the first is closed.
      create unique index lock_in_one_open on lock_in (member_id)
        where state not in ('no_action', 'expired', 'ended');
      create index lock_in_state on lock_in (state, proposed_on);
      create table lock_in_event (
        seq bigserial primary key,
        lock_in_id text not null references lock_in (lock_in_id),
        kind text not null,
        on_date date not null,
        actor text not null,
        from_state text,
        to_state text not null,
        detail jsonb not null,
        recorded_at timestamptz not null default now()
      );
      create index lock_in_event_lock_in on lock_in_event (lock_in_id, seq);
      create table lock_in_notice (
        notice_id text primary key,
        lock_in_id text not null references lock_in (lock_in_id),
        kind text not null check (kind in ('initial', 'second')),
        created_on date not null,
        pdf bytea not null,
        created_at timestamptz not null default now()
      );`,
  },
  {
    name: 'prescribers-002-letters',
    sql: `
      create table letter_run (
        run_id text primary key,
        as_of date not null,
        created_by text,
        created_at timestamptz not null default now(),
        counts jsonb not null
      );
      create table prescriber_letter (
        letter_id text primary key,
        run_id text not null references letter_run (run_id),
        as_of date not null,
        prescriber_npi text not null,
        prescriber_name text,
        status text not null check (status in ('generated', 'sent', 'superseded')),
        member_count integer not null,
        pdf bytea not null,
        pdf_sha256 text not null,
        created_at timestamptz not null default now(),
        sent_at timestamptz,
        sent_by text
      );
      create index prescriber_letter_npi on prescriber_letter (prescriber_npi, created_at);
      create table prescriber_letter_member (
        letter_id text not null references prescriber_letter (letter_id),
        member_id text not null,
        disclosed_factor_codes text[] not null,
        new_factor_codes text[] not null,
        withheld_part2 integer not null,
        primary key (letter_id, member_id)
      );
      create index prescriber_letter_member_member on prescriber_letter_member (member_id);
      create table letter_suppression (
        run_id text not null references letter_run (run_id),
        prescriber_npi text not null,
        member_id text not null,
        prior_sent_on date not null,
        reason text not null,
        primary key (run_id, prescriber_npi, member_id)
      );
      create table letter_delivery (
        delivery_id text primary key,
        letter_id text not null references prescriber_letter (letter_id),
        token_hash text not null unique,      -- sha256 of the link token: the table alone opens nothing
        recipient text not null,              -- where the link was sent (secure e-mail or fax number)
        expires_at timestamptz not null,
        created_by text,
        created_at timestamptz not null default now(),
        opened_at timestamptz,
        downloaded_at timestamptz,
        revoked_at timestamptz
      );
      create table letter_event (
        seq bigserial primary key,
        letter_id text not null references prescriber_letter (letter_id),
        delivery_id text,
        kind text not null check (kind in ('generated', 'sent', 'opened', 'downloaded', 'download_refused', 'superseded')),
        actor text,
        detail text,
        at timestamptz not null default now()
      );
      create index letter_event_letter on letter_event (letter_id, seq);`,
  },
  {
    name: 'prescribers-003-pharmacy-check-clients',
    sql: `
      -- Pharmacy claim systems (a PBM switch) that call POST /api/pharmacy/check with an API key.
      create table pharmacy_check_client (
        client_id text primary key,
        name text not null,
        key_hash text not null unique,        -- sha256 of the key: the key itself is shown once
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );`,
  },
  {
    name: 'prescribers-004-pharmacy-check-log',
    sql: `
      -- One row per point-of-sale check: high volume, so rows are plain inserts in batches and
      -- each batch is sealed by one hash-chained audit_event carrying the batch's digest.
      create table pharmacy_check_log (
        seq bigserial primary key,
        checked_at timestamptz not null,
        client text not null,
        member_id text not null,
        ndc text not null,
        pharmacy_npi text not null,
        prescriber_npi text not null,
        fill_date date not null,
        days_supply integer,
        decision text not null check (decision in ('allow', 'deny')),
        reason text not null,
        lock_in_id text,
        request_id text
      );
      create index pharmacy_check_log_member on pharmacy_check_log (member_id, checked_at);
      create function pharmacy_check_log_refuse() returns trigger language plpgsql as $$
      begin
        raise exception 'pharmacy_check_log is append-only: % refused', tg_op using errcode = '42501';
      end $$;
      create trigger pharmacy_check_log_no_update before update or delete on pharmacy_check_log
        for each row execute function pharmacy_check_log_refuse();`,
  },
];
