import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../platform/db/platform-tables.ts';

type Json<T> = ColumnType<T, string, string>;

export type CoverageTables = {
  coverage_plan: {
    plan_id: string;
    plan_type: string;
    name: string;
    definition: Json<unknown>;
    updated_at: Generated<Date>;
  };
  network_entry: {
    entry_id: string;
    npi: string;
    name: string;
    type: string;
    definition: Json<unknown>;
    updated_at: Generated<Date>;
  };
  preauthorization: {
    authorization_id: string;
    member_id: string;
    plan_id: string;
    facility_npi: string;
    level_of_care: string;
    priority: string;
    status: string;
    received_at: Timestamp;
    due_at: Timestamp;
    reviewer: string | null;
    information_requested: string | null;
    additional_information: Json<string[]>;
    request: Json<unknown>;
    decision: Json<unknown> | null;
    fhir_claim_id: string | null;
    version: Generated<number>;
  };
  preauthorization_event: {
    event_id: Generated<number>;
    authorization_id: string;
    seq: number;
    at: Timestamp;
    actor: string;
    action: string;
    from_status: string | null;
    to_status: string;
    note: string | null;
  };
  preauthorization_notification: {
    notification_id: Generated<number>;
    authorization_id: string;
    seq: number;
    at: Timestamp;
    recipient: string;
    kind: string;
    message: string;
  };
};
