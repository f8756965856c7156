import type { ColumnType, Generated } from 'kysely';

/** A timestamp column: written as a Date or ISO string, read as a Date. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AppUserTable {
  user_id: string;
  username: string;
  role: string;
  password_hash: string;
  /** For role `member`: the member this person is. */
  member_id: string | null;
  /** For `facility_staff`: the facility, as named in consents' `recipient`. */
  organization: string | null;
  display_name: string | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface AuditEventTable {
  /** Position in the hash chain; the database assigns it. */
  seq: Generated<number>;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  member_id: string | null;
  resource_type: string;
  resource_id: string | null;
  purpose: string;
  outcome: 'success' | 'denied' | 'failure';
  request_id: string | null;
  detail: string | null;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

export interface AccountActivationTable {
  activation_id: string;
  /** sha256 of the code, as the person types it without dashes. */
  code_hash: string;
  role: 'member' | 'supporter';
  member_id: string;
  subject: string | null;
  birth_date: string | null;
  display_name: string | null;
  created_by: string;
  created_at: Timestamp;
  expires_at: Date;
  used_at: Date | null;
  used_by: string | null;
  failed_attempts: Generated<number>;
  revoked_at: Date | null;
}

/** The platform's own tables. Domains add theirs with `db.withTables<…>()`. */
export interface PlatformTables {
  app_user: AppUserTable;
  user_session: UserSessionTable;
  audit_event: AuditEventTable;
  account_activation: AccountActivationTable;
}
