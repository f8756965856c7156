import { businessDayTableSql } from '../../platform/calendar/business-days.ts';
import type { Migration } from '../../platform/db/migration.ts';
import { firstAttemptBusinessDays } from './service-level.ts';

/** The business day `firstAttemptBusinessDays` after the UTC day of `opened` (a timestamptz expression). */
const dueDayLookup = (opened: string) => `(select b.day from business_day b
          where b.day > (${opened} at time zone 'UTC')::date order by b.day offset ${firstAttemptBusinessDays - 1} limit 1)`;

/**
 * The case manager's work on a case: lifecycle stage, attempts, referrals and the case history.
 * Runs after `outreach-001-runs-cases`; widens its close reasons by `deceased`.
 * `casework-002` keeps each case's first-attempt due day (service-level.ts) on the case.
 */
export const caseworkMigrations: readonly Migration[] = [
  {
    name: 'casework-001-attempts-referrals-history',
    sql: `
      alter table outreach_case add column stage text not null default 'new'
        check (stage in ('new', 'outreach', 'engaged', 'in_treatment', 'closed'));
      alter table outreach_case drop constraint if exists outreach_case_close_reason_check;
      alter table outreach_case add constraint outreach_case_close_reason_check
        check (close_reason in ('engaged', 'declined', 'unreachable', 'ineligible', 'deceased', 'other'));
      create table outreach_attempt (
        attempt_id text primary key,
        case_id text not null references outreach_case (case_id),
        member_id text not null,
        attempted_at timestamptz not null,
        channel text not null check (channel in ('phone', 'text', 'email', 'letter', 'in_person')),
        outcome text not null check (outcome in
          ('reached', 'voicemail', 'no_answer', 'wrong_number', 'declined', 'call_back', 'deceased')),
        notes text,
        next_step text,
        next_attempt_at timestamptz,
        recorded_by text not null references app_user (user_id),
        recorded_at timestamptz not null default now()
      );
      create index outreach_attempt_case on outreach_attempt (case_id, attempted_at);
      create index outreach_attempt_day on outreach_attempt (attempted_at);
      create table referral (
        referral_id text primary key,
        case_id text not null references outreach_case (case_id),
        member_id text not null,
        kind text not null check (kind in ('moud_prescriber', 'virtual_behavioral_care', 'outpatient_detox',
          'intensive_outpatient', 'support_group', 'supportive_services')),
        status text not null check (status in ('proposed', 'accepted', 'scheduled', 'attended', 'declined')),
        provider_name text,
        scheduled_for date,
        notes text,
        created_by text not null references app_user (user_id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index referral_case on referral (case_id);
      create table case_event (
        event_id bigserial primary key,
        case_id text not null references outreach_case (case_id),
        occurred_at timestamptz not null default now(),
        actor_id text references app_user (user_id),
        actor_username text,
        kind text not null,
        from_value text,
        to_value text,
        detail text
      );
      create index case_event_case on case_event (case_id, event_id);`,
  },
  {
    // The first attempt's due day, kept on the case: the JS rule's business days as a table,
    // and a trigger that counts in it when a case opens (or its opening time changes), so
    // overdue counts and the worklist's due order read a column, not a lookup per case.
    // The trigger runs the lookup itself (not the function): a third of the cost per row.
    name: 'casework-002-first-attempt-due',
    sql: `${businessDayTableSql()};
      create function first_attempt_due_date(opened timestamptz) returns date language sql stable
        as $$ select ${dueDayLookup('opened')} $$;
      alter table outreach_case add column first_attempt_due_on date;
      update outreach_case set first_attempt_due_on = ${dueDayLookup('opened_at')};
      create function outreach_case_first_attempt_due() returns trigger language plpgsql as $$
      begin
        new.first_attempt_due_on := ${dueDayLookup('new.opened_at')};
        return new;
      end
      $$;
      create trigger outreach_case_first_attempt_due before insert or update of opened_at on outreach_case
        for each row execute function outreach_case_first_attempt_due()`,
  },
];
