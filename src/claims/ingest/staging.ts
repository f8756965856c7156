import type { DuckDBAppender } from '@duckdb/node-api';
import type { DuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';

type ColumnType = 'varchar' | 'integer' | 'double' | 'boolean';

/**
 * Connection-local staging tables one file's validated rows stream into (through the
 * DuckDB Appender) before set-based SQL merges them into the warehouse. Dates stay
 * ISO strings here: JS has already checked them, SQL casts them on merge. Staging happens
 * before the file's transaction: it writes only these temp tables, and DuckDB scans
 * committed tables in parallel where it scans a transaction's own rows much more slowly.
 */
export const stagingTables = {
  /** Rows the file's readers refused, copied to `rejected_row` by the merge's transaction. */
  stg_rejected: {
    line: 'integer',
    field: 'varchar',
    reason: 'varchar',
    raw: 'varchar',
  },
  stg_member: {
    line: 'integer',
    member_id: 'varchar',
    person_id: 'varchar',
    birth_date: 'varchar',
    gender: 'varchar',
    first_name: 'varchar',
    last_name: 'varchar',
    phone: 'varchar',
    address_line: 'varchar',
    city: 'varchar',
    state: 'varchar',
    zip: 'varchar',
    county_fips: 'varchar',
  },
  stg_enrollment: {
    line: 'integer',
    person_ref: 'varchar',
    start_date: 'varchar',
    end_date: 'varchar',
    line_of_business: 'varchar',
    plan_type: 'varchar',
    plan_id: 'varchar',
    payer: 'varchar',
  },
  stg_provider: {
    line: 'integer',
    npi: 'varchar',
    fhir_id: 'varchar',
    name: 'varchar',
    kind: 'varchar',
    state: 'varchar',
    zip: 'varchar',
  },
  stg_med_claim: {
    vkey: 'integer',
    claim_id: 'varchar',
    person_ref: 'varchar',
    claim_type: 'varchar',
    setting: 'varchar',
    claim_date: 'varchar',
    start_date: 'varchar',
    end_date: 'varchar',
    admission_type: 'varchar',
    bill_type: 'varchar',
    billing_ref: 'varchar',
    paid_amount: 'double',
    allowed_amount: 'double',
    deductible_amount: 'double',
    copay_amount: 'double',
    coinsurance_amount: 'double',
    is_reversed: 'boolean',
    source_updated: 'varchar',
    content_hash: 'varchar',
  },
  stg_med_line: {
    vkey: 'integer',
    line_number: 'integer',
    service_date: 'varchar',
    procedure_code: 'varchar',
    revenue_code: 'varchar',
    place_of_service: 'varchar',
    units: 'double',
    rendering_ref: 'varchar',
    paid_amount: 'double',
  },
  stg_med_dx: {
    vkey: 'integer',
    position: 'integer',
    code: 'varchar',
    is_principal: 'boolean',
  },
  stg_csv_med: {
    line: 'integer',
    claim_id: 'varchar',
    line_number: 'integer',
    claim_type: 'varchar',
    person_ref: 'varchar',
    claim_start: 'varchar',
    claim_end: 'varchar',
    line_start: 'varchar',
    admit_type: 'varchar',
    place_of_service: 'varchar',
    bill_type: 'varchar',
    revenue_code: 'varchar',
    procedure_code: 'varchar',
    units: 'double',
    rendering_npi: 'varchar',
    billing_npi: 'varchar',
    dx: 'varchar',
    paid_date: 'varchar',
    paid_amount: 'double',
    allowed_amount: 'double',
    deductible_amount: 'double',
    copay_amount: 'double',
    coinsurance_amount: 'double',
    is_reversed: 'boolean',
    row_hash: 'varchar',
  },
  stg_rx: {
    vkey: 'integer',
    claim_id: 'varchar',
    person_ref: 'varchar',
    fill_date: 'varchar',
    ndc: 'varchar',
    quantity: 'double',
    days_supply: 'integer',
    prescriber_ref: 'varchar',
    pharmacy_ref: 'varchar',
    paid_amount: 'double',
    allowed_amount: 'double',
    deductible_amount: 'double',
    copay_amount: 'double',
    coinsurance_amount: 'double',
    is_reversed: 'boolean',
    source_updated: 'varchar',
    content_hash: 'varchar',
  },
} as const satisfies Record<string, Record<string, ColumnType>>;

export type StagingTable = keyof typeof stagingTables;
type JsType<T extends ColumnType> = T extends 'varchar' ? string : T extends 'boolean' ? boolean : number;
/** One staged row: every column of the table, null where the source had nothing. */
export type StagedRow<T extends StagingTable> = {
  -readonly [C in keyof (typeof stagingTables)[T]]: JsType<(typeof stagingTables)[T][C] & ColumnType> | null;
};

/** Appenders for every staging table of one file load; `close` flushes them. */
export interface Stager {
  add<T extends StagingTable>(table: T, row: StagedRow<T>): void;
  /** Adds a row given as its values in the table's column order. */
  addValues(table: StagingTable, values: readonly unknown[]): void;
  close(): void;
}

/** (Re)creates the staging tables on this connection and opens an appender on each. */
export async function openStager(warehouse: DuckDbWarehouse): Promise<Stager> {
  const appenders = new Map<StagingTable, DuckDBAppender>();
  const columns = new Map<StagingTable, Array<[string, ColumnType]>>();
  for (const [table, cols] of Object.entries(stagingTables) as Array<
    [StagingTable, Record<string, ColumnType>]
  >) {
    const list = Object.entries(cols);
    columns.set(table, list);
    await warehouse.run(`drop table if exists temp.${table}`);
    await warehouse.run(
      `create temp table ${table} (${list.map(([name, type]) => `${name} ${type}`).join(', ')})`,
    );
    appenders.set(table, await warehouse.connection.createAppender(table, 'main', 'temp'));
  }
  const append = (appender: DuckDBAppender, type: ColumnType, value: unknown) => {
    if (value === null || value === undefined) appender.appendNull();
    else if (type === 'varchar') appender.appendVarchar(value as string);
    else if (type === 'integer') appender.appendInteger(value as number);
    else if (type === 'double') appender.appendDouble(value as number);
    else appender.appendBoolean(value as boolean);
  };
  return {
    add(table, row) {
      const appender = appenders.get(table)!;
      const values = row as Record<string, unknown>;
      for (const [name, type] of columns.get(table)!) append(appender, type, values[name]);
      appender.endRow();
    },
    addValues(table, values) {
      const appender = appenders.get(table)!;
      for (const [i, [, type]] of columns.get(table)!.entries()) append(appender, type, values[i]);
      appender.endRow();
    },
    close() {
      for (const appender of appenders.values()) appender.closeSync();
    },
  };
}

/** Drops the staging tables once a file is merged. */
export async function dropStaging(warehouse: DuckDbWarehouse): Promise<void> {
  for (const table of Object.keys(stagingTables)) await warehouse.run(`drop table if exists temp.${table}`);
}
