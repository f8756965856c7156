import type { Migration } from '../platform/db/migration.ts';

/** Consents: who may receive what about a member, for which purpose, from when to when (42 CFR 2.31). */
export const privacyMigrations: readonly Migration[] = [
  {
    name: 'privacy-001-consent',
    sql: `
      create table consent (
        consent_id text primary key,
        member_id text not null,
        recipient text not null,              -- 'org:<facility>', 'npi:<10 digits>', 'person:<name>' (e.g. family)
        purpose text not null check (purpose in ('treatment', 'payment', 'operations', 'care-coordination', 'family')),
        covers_part2 boolean not null,         -- true: SUD records (Part 2) may be disclosed too
        start_date date not null,
        end_date date,                         -- null: until revoked
        revoked_at timestamptz,
        recorded_by text,
        created_at timestamptz not null default now()
      );
      create index consent_member on consent (member_id, recipient);`,
  },
];
