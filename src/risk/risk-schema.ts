import type { Warehouse } from '../platform/warehouse/warehouse.ts';

/**
 * Identification runs in the warehouse: the run with its configuration, each
 * candidate, and every reason (emergency, factor with its evidence claim,
 * exclusion, context), so any past worklist can be shown and explained.
 */
export const riskSchema: readonly string[] = [
  `create table if not exists risk_run (
    run_id varchar primary key,
    as_of date not null,
    rule_version varchar not null,
    factor_set varchar not null,
    config_hash varchar not null,       -- sha256 of the effective configuration, keys sorted
    config_json varchar not null,
    started_at timestamp not null,
    duration_ms integer not null,
    members_evaluated integer not null, -- members with any relevant fill or medical claim
    eligible integer not null,
    candidates integer not null,
    new_count integer not null,
    open_count integer not null,
    suppressed_count integer not null,
    disposition_source varchar not null -- operational-store | none (no store wired: all new)
  )`,
  `create table if not exists risk_candidate (
    run_id varchar not null,
    member_id varchar not null,
    rank integer not null,              -- 1 = top of the worklist
    priority integer not null,
    market varchar not null,
    latest_emergency date not null,
    disposition varchar not null,       -- new | open | suppressed
    disposition_reason varchar,
    primary key (run_id, member_id)
  )`,
  `create table if not exists risk_reason (
    run_id varchar not null,
    member_id varchar not null,
    kind varchar not null,              -- emergency | factor | exclusion | context
    code varchar not null,
    value double precision,             -- a factor's headline number
    event_date date,                    -- an emergency's date
    claim_id varchar                    -- the emergency's claim, or one evidence claim of a factor
  )`,
  // Every factor of each candidate, met or not, with its headline number: the member view serves a
  // candidate from its run with this instead of running the rules again.
  `create table if not exists risk_candidate_factor (
    run_id varchar not null,
    member_id varchar not null,
    ord integer not null,               -- position in riskFactorCodes
    code varchar not null,
    met boolean not null,
    value double precision,
    primary key (run_id, member_id, code)
  )`,
];

/** Creates the run tables that do not exist yet. */
export async function ensureRiskSchema(warehouse: Warehouse): Promise<void> {
  for (const statement of riskSchema) await warehouse.run(statement);
}
