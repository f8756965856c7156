import type { Migration } from '../platform/db/migration.ts';

/** Plans, the care network, preauthorization requests with their history and notices. */
export const coverageMigrations: readonly Migration[] = [
  {
    name: 'coverage-001-tables',
    sql: `
      create table coverage_plan (
        plan_id text primary key,
        plan_type text not null check (plan_type in ('HMO', 'EPO', 'POS', 'PPO')),
        name text not null,
        definition jsonb not null,
        updated_at timestamptz not null default now()
      );
      create table network_entry (
        entry_id text primary key,
        npi text not null unique,
        name text not null,
        type text not null,
        definition jsonb not null,
        updated_at timestamptz not null default now()
      );
      create table preauthorization (
        authorization_id text primary key,
        member_id text not null,
        plan_id text not null,
        facility_npi text not null,
        level_of_care text not null,
        priority text not null check (priority in ('standard', 'expedited')),
        status text not null check (status in
          ('submitted', 'in_review', 'pended', 'approved', 'partially_approved', 'denied', 'withdrawn')),
        received_at timestamptz not null,
        due_at timestamptz not null,
        reviewer text,
        information_requested text,
        additional_information jsonb not null default '[]',
        request jsonb not null,
        decision jsonb,
        fhir_claim_id text,
        version integer not null default 1
      );
      create index preauthorization_queue on preauthorization (status, due_at);
      create index preauthorization_member on preauthorization (member_id);
      create index preauthorization_facility on preauthorization (facility_npi);
      create table preauthorization_event (
        event_id bigint generated always as identity primary key,
        authorization_id text not null references preauthorization (authorization_id),
        seq integer not null,
        at timestamptz not null,
        actor text not null,
        action text not null,
        from_status text,
        to_status text not null,
        note text,
        unique (authorization_id, seq)
      );
      create table preauthorization_notification (
        notification_id bigint generated always as identity primary key,
        authorization_id text not null references preauthorization (authorization_id),
        seq integer not null,
        at timestamptz not null,
        recipient text not null check (recipient in ('member', 'facility')),
        kind text not null,
        message text not null,
        unique (authorization_id, seq)
      );`,
  },
];
