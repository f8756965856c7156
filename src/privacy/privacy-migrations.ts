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
  {
    name: 'privacy-002-support-network',
    sql: `
      -- Family members and other supporters the member names (FHIR RelatedPerson). A supporter
      -- with an account signs in as user_id; what they see is only what a consent to
      -- 'related-person:<related_person_id>' shares, category by category, until its end date.
      create table related_person (
        related_person_id text primary key,
        member_id text not null,
        name text not null,
        relationship text not null,
        phone text,
        email text,
        user_id text references app_user (user_id),
        active boolean not null default true,
        recorded_by text not null references app_user (user_id),
        created_at timestamptz not null default now()
      );
      create index related_person_member on related_person (member_id);
      create index related_person_user on related_person (user_id);
      -- What a consent shares: null for a consent that names no categories (all the records
      -- its Part 2 flag allows); a supporter's consent always names them.
      alter table consent add column shares text[];`,
  },
];
