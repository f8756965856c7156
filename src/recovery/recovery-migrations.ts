import type { Migration } from '../platform/db/migration.ts';

/**
 * Treatment and recovery records (PRODUCT capability 7, RISK-RULES §11): assessments and
 * their scores, versioned care plans with their service requests, reported sessions and
 * drug screens, member check-ins, and the alerts the recovery signals raise. Runs after
 * the casework migrations: it adds the engagement day `E` and the aftercare stage to the case.
 */
export const recoveryMigrations: readonly Migration[] = [
  {
    name: 'recovery-001-records',
    sql: `
      alter table outreach_case drop constraint if exists outreach_case_stage_check;
      alter table outreach_case add constraint outreach_case_stage_check
        check (stage in ('new', 'outreach', 'engaged', 'in_treatment', 'aftercare', 'closed'));
      alter table outreach_case drop constraint if exists outreach_case_close_reason_check;
      alter table outreach_case add constraint outreach_case_close_reason_check
        check (close_reason in ('engaged', 'declined', 'unreachable', 'ineligible', 'deceased', 'completed',
          'moved', 'other'));
      -- RISK-RULES §11's E: the first time the case reached engaged or later, kept by a trigger.
      alter table outreach_case add column engaged_on date;
      update outreach_case c set engaged_on = (select min(e.occurred_at at time zone 'UTC')::date from case_event e
        where e.case_id = c.case_id and e.kind = 'stage' and e.to_value in ('engaged', 'in_treatment'))
        where c.stage in ('engaged', 'in_treatment') or c.close_reason = 'engaged';
      create function outreach_case_engaged_on() returns trigger language plpgsql as $$
      begin
        if new.engaged_on is null and new.stage in ('engaged', 'in_treatment', 'aftercare') then
          new.engaged_on := (now() at time zone 'UTC')::date;
        end if;
        return new;
      end
      $$;
      create trigger outreach_case_engaged_on before insert or update of stage on outreach_case
        for each row execute function outreach_case_engaged_on();

      create table assessment (
        assessment_id text primary key,
        member_id text not null,
        case_id text references outreach_case (case_id),
        facility_npi text,
        status text not null check (status in ('in-progress', 'completed')),
        answers jsonb not null,
        asam jsonb,
        level_of_care text,
        authored_at timestamptz not null default now(),
        author_id text not null references app_user (user_id)
      );
      create index assessment_member on assessment (member_id, authored_at);

      create table instrument_score (
        score_id text primary key,
        member_id text not null,
        source_kind text not null check (source_kind in ('assessment', 'check_in')),
        source_id text not null,
        instrument text not null,
        system text not null,
        code text not null,
        display text not null,
        score integer not null,
        band text,
        effective_at timestamptz not null,
        unique (source_id, code)
      );
      create index instrument_score_member on instrument_score (member_id, code, effective_at);

      create table care_plan (
        plan_id text primary key,
        member_id text not null,
        case_id text references outreach_case (case_id),
        category text not null check (category in ('treatment', 'aftercare')),
        status text not null check (status in ('draft', 'active', 'completed', 'revoked')),
        content jsonb not null,
        version integer not null default 1,
        updated_by text not null references app_user (user_id),
        updated_at timestamptz not null default now()
      );
      create index care_plan_member on care_plan (member_id, category);
      create unique index care_plan_one_active on care_plan (member_id, category) where status = 'active';
      create table care_plan_version (
        plan_id text not null references care_plan (plan_id),
        version integer not null,
        status text not null,
        content jsonb not null,
        changed_by text not null references app_user (user_id),
        changed_by_username text not null,
        changed_at timestamptz not null default now(),
        summary text not null,
        primary key (plan_id, version)
      );

      create table service_request (
        request_id text primary key,
        plan_id text not null references care_plan (plan_id),
        member_id text not null,
        category text not null,
        service text not null,
        performer_name text not null,
        performer_npi text,
        status text not null check (status in ('requested', 'accepted', 'in-progress', 'completed', 'declined',
          'cancelled')),
        sessions_per_week numeric,
        note text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index service_request_member on service_request (member_id);
      create index service_request_performer on service_request (performer_npi, status);
      create table service_request_event (
        event_id bigserial primary key,
        request_id text not null references service_request (request_id),
        from_status text,
        to_status text not null,
        actor_id text not null references app_user (user_id),
        actor_username text not null,
        note text,
        occurred_at timestamptz not null default now()
      );

      create table treatment_session (
        session_id text primary key,
        member_id text not null,
        facility_npi text not null,
        source_id text not null,
        request_id text references service_request (request_id),
        service text not null,
        scheduled_on date not null,
        attended boolean not null,
        reported_by text not null references app_user (user_id),
        reported_at timestamptz not null default now(),
        unique (facility_npi, source_id)
      );
      create index treatment_session_member on treatment_session (member_id, scheduled_on);

      create table drug_screen (
        screen_id text primary key,
        member_id text not null,
        facility_npi text not null,
        source_id text not null,
        collected_on date not null,
        substance text not null,
        positive boolean not null,
        reported_by text not null references app_user (user_id),
        reported_at timestamptz not null default now(),
        unique (facility_npi, source_id, substance)
      );
      create index drug_screen_member on drug_screen (member_id, collected_on);

      create table check_in (
        check_in_id text primary key,
        member_id text not null,
        submitted_at timestamptz not null default now(),
        mood integer not null check (mood between 0 and 10),
        craving integer not null check (craving between 0 and 10),
        used_last_7_days boolean not null,
        sleep text not null,
        needs jsonb not null,
        safety_concern boolean not null,
        submitted_by text not null references app_user (user_id)
      );
      create index check_in_member on check_in (member_id, submitted_at);

      create table recovery_alert (
        alert_id text primary key,
        member_id text not null,
        case_id text not null references outreach_case (case_id),
        code text not null,
        severity text not null check (severity in ('urgent', 'high', 'normal')),
        signal_version text not null,
        evidence_key text not null,
        evidence jsonb not null,
        raised_on date not null,
        due_on date not null,
        raised_at timestamptz not null default now(),
        status text not null default 'open' check (status in ('open', 'resolved')),
        resolved_by text references app_user (user_id),
        resolved_at timestamptz,
        resolution_note text,
        unique (member_id, code, evidence_key)
      );
      create index recovery_alert_open on recovery_alert (status, due_on);
      create index recovery_alert_member on recovery_alert (member_id, raised_on);`,
  },
  {
    name: 'recovery-002-aftercare',
    sql: `
      -- At discharge from a level of care: the warm hand-off and the 7-, 30- and 90-day
      -- follow-up contacts of the aftercare plan, each on the case manager's queue until done.
      create table follow_up (
        follow_up_id text primary key,
        member_id text not null,
        case_id text not null references outreach_case (case_id),
        plan_id text not null references care_plan (plan_id),
        kind text not null check (kind in ('warm_handoff', 'day_7', 'day_30', 'day_90')),
        due_on date not null,
        status text not null default 'open' check (status in ('open', 'done')),
        outcome text check (outcome in ('reached', 'not_reached', 'handoff_confirmed', 'handoff_missed')),
        note text,
        done_by text references app_user (user_id),
        done_at timestamptz,
        created_at timestamptz not null default now(),
        unique (plan_id, kind)
      );
      create index follow_up_open on follow_up (status, due_on);
      create index follow_up_member on follow_up (member_id, due_on);`,
  },
  {
    name: 'recovery-003-feedback',
    sql: `
      -- Feedback surveys at milestones. The invitation is the member's (who was asked, and
      -- whether they answered); the answers are stored without any key back to the member,
      -- the invitation or the exact time — only the milestone, who answered (member or
      -- family), the market and the month — so analytics reads them de-identified by construction.
      create table feedback_invitation (
        invitation_id text primary key,
        member_id text not null,
        milestone text not null check (milestone in ('discharge', 'aftercare_90')),
        respondent text not null check (respondent in ('member', 'family')),
        market text,
        created_at timestamptz not null default now(),
        responded boolean not null default false,
        unique (member_id, milestone, respondent)
      );
      create table feedback_response (
        response_id text primary key,
        milestone text not null,
        respondent text not null,
        market text,
        month text not null,
        answers jsonb not null
      );`,
  },
  {
    name: 'recovery-004-messages',
    sql: `
      -- Messages between a member and their care team, in the member's app and the case
      -- manager's recovery panel. Part of the member's record: read through the same access
      -- policy as a check-in; never shared with a supporter.
      create table care_team_message (
        message_id text primary key,
        member_id text not null,
        direction text not null check (direction in ('to_member', 'from_member')),
        body text not null check (length(body) between 1 and 2000),
        sent_by text not null references app_user (user_id),
        sent_at timestamptz not null default now(),
        read_at timestamptz
      );
      create index care_team_message_member on care_team_message (member_id, sent_at);`,
  },
];
