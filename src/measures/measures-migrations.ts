import type { Migration } from '../platform/db/migration.ts';

/** Every measures run, with the measure version and the configuration it used (no member data). */
export const measuresMigrations: readonly Migration[] = [
  {
    name: 'measures-001-run',
    sql: `
      create table measure_run (
        run_id text primary key,
        measure_version text not null,
        from_month text not null,
        to_month text not null,
        config jsonb not null,
        rows integer not null,
        suppressed integer not null,
        run_by text not null,
        finished_at timestamptz not null default now()
      );`,
  },
  {
    // The plan's program settings as versioned data: the newest version applies.
    name: 'measures-002-config',
    sql: `
      create table measure_config_version (
        version integer primary key,
        config jsonb not null,
        set_by text not null,
        reason text not null,
        set_at timestamptz not null default now()
      );`,
  },
];
