import type { Timestamp } from '../platform/db/platform-tables.ts';

export type ConsentTable = {
  consent_id: string;
  member_id: string;
  recipient: string;
  purpose: 'treatment' | 'payment' | 'operations' | 'care-coordination' | 'family';
  covers_part2: boolean;
  start_date: string;
  end_date: string | null;
  revoked_at: Date | null;
  recorded_by: string | null;
  created_at: Timestamp;
  shares: string[] | null;
};

export type RelatedPersonTable = {
  related_person_id: string;
  member_id: string;
  name: string;
  relationship: string;
  phone: string | null;
  email: string | null;
  user_id: string | null;
  active: boolean;
  recorded_by: string;
  created_at: Timestamp;
};

/** The privacy domain's tables, for `db.withTables<PrivacyTables>()`. */
export type PrivacyTables = {
  consent: ConsentTable;
  related_person: RelatedPersonTable;
};
