import type { Warehouse } from '../platform/warehouse/warehouse.ts';

/**
 * The claims warehouse tables. Claims keep every version they arrived in:
 * `is_current` marks the one the rules read, `is_reversed` a cancelled claim.
 * Written in SQL that DuckDB and PostgreSQL both accept.
 */
export const warehouseSchema: readonly string[] = [
  `create table if not exists load_batch (
    batch_id varchar primary key,
    seq integer not null,              -- load order; later batches win ties between claim versions
    file_path varchar not null,
    file_hash varchar not null unique, -- sha256 of the file's bytes: the same file is never loaded twice
    format varchar not null,           -- fhir-ndjson | fhir-bundle | csv-eligibility | csv-medical | csv-pharmacy
    started_at timestamp not null,
    finished_at timestamp,
    rows_read integer not null default 0,
    loaded integer not null default 0,
    replaced integer not null default 0,
    reversed integer not null default 0,
    rejected integer not null default 0
  )`,
  `create table if not exists rejected_row (
    batch_id varchar not null,
    file_path varchar not null,
    line integer not null,
    field varchar not null,
    reason varchar not null,
    raw varchar                         -- the offending line, cut to 2,000 characters
  )`,
  `create table if not exists member (
    member_id varchar primary key,
    person_id varchar,
    birth_date date,
    gender varchar,
    first_name varchar,
    last_name varchar,
    phone varchar,
    address_line varchar,
    city varchar,
    state varchar,
    zip varchar,
    county_fips varchar,
    batch_id varchar not null
  )`,
  `create table if not exists enrollment (
    member_id varchar not null,
    start_date date not null,
    end_date date,                      -- null = open-ended
    line_of_business varchar not null,  -- commercial | medicare | medicaid | other
    plan_type varchar,                  -- HMO | EPO | POS | PPO
    plan_id varchar not null default '',
    payer varchar,
    batch_id varchar not null,
    primary key (member_id, start_date, plan_id)
  )`,
  `create table if not exists provider (
    npi varchar primary key,
    name varchar,
    kind varchar not null,              -- practitioner | organization | pharmacy
    state varchar,
    zip varchar,
    batch_id varchar not null
  )`,
  `create table if not exists medical_claim (
    claim_id varchar not null,
    version integer not null,           -- 1, 2, … in arrival order
    is_current boolean not null,
    is_reversed boolean not null,
    member_id varchar not null,
    claim_type varchar not null,        -- professional | institutional
    setting varchar,                    -- inpatient | outpatient (institutional only)
    claim_date date not null,           -- earliest line service date, else billing start (RISK-RULES §1)
    start_date date,
    end_date date,
    admission_type varchar,             -- UB-04 priority of admission; 1 = emergency
    bill_type varchar,
    billing_npi varchar,
    paid_amount double,
    allowed_amount double,
    deductible_amount double,
    copay_amount double,
    coinsurance_amount double,
    batch_id varchar not null
    -- (claim_id, version) is unique; the merge keeps it so, without a primary key: an index
    -- here costs about 3× on every bulk insert, and no query needs it.
  )`,
  `create table if not exists medical_claim_line (
    claim_id varchar not null,
    version integer not null,
    line_number integer not null,
    service_date date,
    procedure_code varchar,             -- CPT or HCPCS
    revenue_code varchar,               -- NUBC, 4 digits
    place_of_service varchar,           -- CMS place of service, 2 digits
    units double,
    rendering_npi varchar,
    paid_amount double                  -- (claim_id, version, line_number) is unique
  )`,
  `create table if not exists medical_claim_dx (
    claim_id varchar not null,
    version integer not null,
    position integer not null,          -- 1 = principal where the source says so
    code varchar not null,              -- ICD-10-CM without the dot, upper case
    is_principal boolean not null       -- (claim_id, version, position) is unique
  )`,
  `create table if not exists pharmacy_claim (
    claim_id varchar not null,
    version integer not null,
    is_current boolean not null,
    is_reversed boolean not null,
    member_id varchar not null,
    fill_date date not null,
    ndc varchar not null,               -- 11 digits, no dashes
    quantity double not null,
    days_supply integer not null,
    prescriber_npi varchar,
    pharmacy_npi varchar,
    paid_amount double,
    allowed_amount double,
    deductible_amount double,
    copay_amount double,
    coinsurance_amount double,
    batch_id varchar not null           -- (claim_id, version) is unique, as for medical_claim
  )`,
  `create table if not exists claim_label (
    claim_kind varchar not null,        -- medical | pharmacy
    claim_id varchar not null,
    label varchar not null,             -- part2: reveals a substance-use disorder (42 CFR Part 2)
    reason varchar not null,            -- SUD_DIAGNOSIS | MOUD_FILL | OTP_SERVICE
    primary key (claim_kind, claim_id, label)
  )`,
  // Added by ingest (additive): the claim's own timestamp orders versions whatever order files
  // arrive in; the content hash keeps an identical resend from becoming a new version; a
  // provider's FHIR resource id lets claims reference it by `Practitioner/<id>`.
  'alter table medical_claim add column if not exists source_updated timestamp',
  'alter table medical_claim add column if not exists content_hash varchar',
  'alter table pharmacy_claim add column if not exists source_updated timestamp',
  'alter table pharmacy_claim add column if not exists content_hash varchar',
  'alter table provider add column if not exists fhir_id varchar',
  // What the data says about itself, shown wherever its numbers are (a synthetic population says so).
  `create table if not exists dataset_note (
    note_key varchar primary key,
    note varchar not null
  )`,
];

/** Creates the warehouse tables that do not exist yet. */
export async function ensureWarehouseSchema(warehouse: Warehouse): Promise<void> {
  for (const statement of warehouseSchema) await warehouse.run(statement);
}
