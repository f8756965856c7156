import { roles } from '../auth/roles.ts';
import type { Migration } from './migration.ts';

/** The roles the first migration knew; later roles arrive by their own migration below. */
const firstRoles = `'case_manager', 'supervisor', 'clinical_pharmacist', 'um_reviewer', 'facility_staff', 'member',
  'analyst', 'admin'`;
const roleList = roles.map((r) => `'${r}'`).join(', ');

/** The platform's tables: people, sessions, and the append-only, hash-chained audit log. */
export const platformMigrations: readonly Migration[] = [
  {
    name: 'platform-001-users-sessions',
    sql: `
      create table app_user (
        user_id text primary key,
        username text not null unique,
        role text not null check (role in (${firstRoles})),
        password_hash text not null,
        member_id text,
        organization text,
        display_name text,
        failed_logins integer not null default 0,
        locked_until timestamptz,
        disabled boolean not null default false,
        created_at timestamptz not null default now()
      );
      create table user_session (
        token_hash text primary key,              -- sha256 of the cookie value: a stolen table opens no session
        user_id text not null references app_user (user_id),
        csrf_token text not null,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz
      );
      create index user_session_user on user_session (user_id);`,
  },
  {
    name: 'platform-002-audit-event',
    sql: `
      create table audit_event (
        seq bigint primary key,
        occurred_at timestamptz not null default now(),
        actor_id text,
        actor_username text,
        actor_role text,
        action text not null,
        member_id text,
        resource_type text not null,
        resource_id text,
        purpose text not null,
        outcome text not null check (outcome in ('success', 'denied', 'failure')),
        request_id text,
        detail text,
        prev_hash text not null,
        hash text not null
      );
      create index audit_event_member on audit_event (member_id, occurred_at);
      create index audit_event_actor on audit_event (actor_id, occurred_at);
      create index audit_event_time on audit_event (occurred_at);

      -- The digest covers every field and the previous digest, so changing, inserting or
      -- removing a row in the middle breaks the chain (checked by \`checkpoint audit verify\`).
      create function audit_event_digest(e audit_event) returns text language sql stable as $$
        select encode(sha256(convert_to(concat_ws(chr(31),
          e.prev_hash, e.seq::text,
          to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          coalesce(e.actor_id, chr(30)), coalesce(e.actor_username, chr(30)), coalesce(e.actor_role, chr(30)),
          e.action, coalesce(e.member_id, chr(30)), e.resource_type, coalesce(e.resource_id, chr(30)),
          e.purpose, e.outcome, coalesce(e.request_id, chr(30)), coalesce(e.detail, chr(30))
        ), 'UTF8')), 'hex')
      $$;

      create function audit_event_chain() returns trigger language plpgsql as $$
      declare
        last_seq bigint;
        last_hash text;
      begin
        -- One writer at a time extends the chain; the lock is held until commit.
        perform pg_advisory_xact_lock(7340033);
        select seq, hash into last_seq, last_hash from audit_event order by seq desc limit 1;
        new.seq := coalesce(last_seq, 0) + 1;
        new.prev_hash := coalesce(last_hash, 'genesis');
        new.occurred_at := date_trunc('microseconds', coalesce(new.occurred_at, now()));
        new.hash := audit_event_digest(new);
        return new;
      end $$;

      create function audit_event_refuse() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_event is append-only: % refused', tg_op using errcode = '42501';
      end $$;

      create trigger audit_event_chain before insert on audit_event
        for each row execute function audit_event_chain();
      create trigger audit_event_no_update before update or delete on audit_event
        for each row execute function audit_event_refuse();
      create trigger audit_event_no_truncate before truncate on audit_event
        for each statement execute function audit_event_refuse();`,
  },
  {
    name: 'platform-003-role-supporter',
    sql: `
      -- A family member or other supporter the member named, who sees what the member's consent shares.
      alter table app_user drop constraint if exists app_user_role_check;
      alter table app_user add constraint app_user_role_check check (role in (${roleList}));`,
  },
  {
    name: 'platform-004-account-activation',
    sql: `
      -- One-time codes that open an account a person then gives a password: a member's code
      -- comes from their case manager or a mailed letter; a supporter's is the member's
      -- invitation. Only a digest of the code is kept; a used, revoked or expired code opens nothing.
      create table account_activation (
        activation_id text primary key,
        code_hash text not null unique,
        role text not null check (role in ('member', 'supporter')),
        member_id text not null,
        -- What the new account is linked to beyond its member ('related-person:<id>' for a supporter).
        subject text,
        -- A member proves who they are with their date of birth as well as the code.
        birth_date date,
        display_name text,
        created_by text not null references app_user (user_id),
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz,
        used_by text references app_user (user_id),
        -- Wrong dates of birth typed with this code; at the limit the code is revoked.
        failed_attempts integer not null default 0,
        revoked_at timestamptz
      );
      create index account_activation_member on account_activation (member_id);`,
  },
];
