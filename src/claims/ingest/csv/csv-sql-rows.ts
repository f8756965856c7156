import type { StagingTable } from '../staging.ts';
import { type CsvKind, requiredColumns } from './csv-layouts.ts';
import {
  dayChecks,
  dayOf,
  jsNumberText,
  jsonText,
  numberChecks,
  optionalDayChecks,
  requiredChecks,
  type SqlCheck,
  textOf,
  trimText,
} from './csv-sql-values.ts';

/**
 * How one CSV layout's rows are checked and staged in SQL, mirroring its JS mapper
 * (`eligibility-row.ts`, `medical-claim-row.ts`, `pharmacy-claim-row.ts`): the checks in
 * the order the mapper makes them, and the staged columns as the mapper fills them.
 * `c(name)` is a column's trimmed text ('' when the file lacks the column).
 */
export interface SqlRowMapping {
  /** Columns read: the layout's required ones and the optional ones the mapping uses. */
  columns: readonly string[];
  /** Columns holding numbers: each is parsed once, as `n(column)`. */
  numbers: readonly string[];
  /** Values computed once per row before the checks, each read as `n(name)`. */
  derived?: Record<string, string>;
  checks: SqlCheck[];
  /** Staging table → its columns as SQL over the checked row. */
  stage: Partial<Record<StagingTable, Record<string, string>>>;
}

const c = (name: string): string => `"${name}"`;
/** A number column's parsed value (null when empty or not a number). */
export const n = (name: string): string => `"#${name}"`;
const diagnosisColumns = Array.from({ length: 25 }, (_, i) => `diagnosis_code_${i + 1}`);
const amountColumns = [
  ['paid_amount', 'paid_amount'],
  ['allowed_amount', 'allowed_amount'],
  ['deductible_amount', 'deductible_amount'],
  ['copay_amount', 'copayment_amount'],
  ['coinsurance_amount', 'coinsurance_amount'],
] as const;
const amountChecks = (): SqlCheck[] =>
  amountColumns.flatMap(([, column]) => numberChecks(c(column), n(column), column));
const amounts = (): Record<string, string> =>
  Object.fromEntries(amountColumns.map(([staged, column]) => [staged, n(column)]));
// Tuva claims carry member_id beside person_id; it names the enrollment exactly.
const personRef = `case when ${c('member_id')} <> '' then ${c('member_id')} else ${c('person_id')} end`;
const personChecks: SqlCheck[] = [
  { field: 'person_id', fails: `${c('member_id')} = '' and ${c('person_id')} = ''`, reason: `'missing'` },
];
const isReversed = `lower(${c('claim_status')}) = 'reversed'`;

// normalizeDiagnosis of each of the 25 cells, joined by '|'. Cells are trimmed already, so
// only a space next to a dropped dot needs trimming again: the string functions run once on
// the joined cells, and the cell by cell form only for the rare row with a space in them.
const dxCell = (name: string): string =>
  `case when ${c(name)} = '' then '' else upper(${trimText(`replace(${c(name)}, '.', '')`)}) end`;
const dxJoined = `upper(replace(concat_ws('|', ${diagnosisColumns.map(c).join(', ')}), '.', ''))`;
const dxCodes = `case when contains(${dxJoined}, ' ') then concat_ws('|', ${diagnosisColumns.map(dxCell).join(', ')})
  else ${dxJoined} end`;
const medical: SqlRowMapping = {
  columns: [
    ...requiredColumns.medical_claim,
    'member_id',
    'service_unit_quantity',
    ...amountColumns.map(([, column]) => column),
    ...diagnosisColumns,
    'claim_status',
  ],
  numbers: ['claim_line_number', 'service_unit_quantity', ...amountColumns.map(([, column]) => column)],
  derived: { dx: dxCodes },
  checks: [
    {
      field: 'claim_type',
      fails: `lower(${c('claim_type')}) not in ('professional', 'institutional')`,
      reason: `'expected professional or institutional, got ' || ${jsonText(`lower(${c('claim_type')})`, 1e6)}`,
    },
    ...numberChecks(c('claim_line_number'), n('claim_line_number'), 'claim_line_number'),
    {
      field: 'claim_line_number',
      fails: `not coalesce(${n('claim_line_number')} >= 1
        and ${n('claim_line_number')} = trunc(${n('claim_line_number')}), false)`,
      reason: `'missing or not a whole number ≥ 1'`,
    },
    ...numberChecks(c('service_unit_quantity'), n('service_unit_quantity'), 'service_unit_quantity'),
    {
      field: 'service_unit_quantity',
      fails: `coalesce(${n('service_unit_quantity')} < 0, false)`,
      reason: `'quantity must not be negative, got ' || ${jsNumberText(n('service_unit_quantity'))}`,
    },
    {
      field: 'diagnosis_code_type',
      fails: `replace(${n('dx')}, '|', '') <> ''
        and lower(${c('diagnosis_code_type')}) not in ('', 'icd-10-cm')`,
      reason: `'only icd-10-cm is read, got ' || ${jsonText(`lower(${c('diagnosis_code_type')})`, 1e6)}`,
    },
    ...optionalDayChecks(c('claim_start_date'), 'claim_start_date'),
    ...optionalDayChecks(c('claim_line_start_date'), 'claim_line_start_date'),
    {
      field: 'claim_start_date',
      fails: `${c('claim_start_date')} = '' and ${c('claim_line_start_date')} = ''`,
      reason: `'no claim or line start date'`,
    },
    ...requiredChecks(c('claim_id'), 'claim_id'),
    ...personChecks,
    ...optionalDayChecks(c('claim_end_date'), 'claim_end_date'),
    ...optionalDayChecks(c('paid_date'), 'paid_date'),
    ...amountChecks(),
  ],
  stage: {
    stg_csv_med: {
      line: 'line',
      claim_id: c('claim_id'),
      line_number: `cast(${n('claim_line_number')} as integer)`,
      claim_type: `lower(${c('claim_type')})`,
      person_ref: personRef,
      claim_start: dayOf(c('claim_start_date')),
      claim_end: dayOf(c('claim_end_date')),
      line_start: dayOf(c('claim_line_start_date')),
      admit_type: textOf(c('admit_type_code')),
      place_of_service: `case when regexp_full_match(${c('place_of_service_code')}, '[0-9]')
        then '0' || ${c('place_of_service_code')} else ${textOf(c('place_of_service_code'))} end`,
      bill_type: textOf(c('bill_type_code')),
      revenue_code: `case when regexp_full_match(${c('revenue_center_code')}, '[0-9]{3}')
        then '0' || ${c('revenue_center_code')} else ${textOf(c('revenue_center_code'))} end`,
      procedure_code: textOf(`upper(${c('hcpcs_code')})`),
      units: n('service_unit_quantity'),
      rendering_npi: textOf(c('rendering_npi')),
      billing_npi: textOf(c('billing_npi')),
      dx: n('dx'),
      paid_date: dayOf(c('paid_date')),
      ...amounts(),
      is_reversed: isReversed,
      row_hash: 'null',
    },
  },
};

// A reversal may restate the fill with negated quantities; an original fill may not.
const signed = (column: string): string =>
  `case when ${isReversed} then abs(${n(column)}) else ${n(column)} end`;
const pharmacy: SqlRowMapping = {
  columns: [
    ...requiredColumns.pharmacy_claim,
    'member_id',
    ...amountColumns.map(([, column]) => column),
    'claim_status',
  ],
  numbers: ['quantity', 'days_supply', ...amountColumns.map(([, column]) => column)],
  checks: [
    ...numberChecks(c('quantity'), n('quantity'), 'quantity'),
    { field: 'quantity', fails: `${c('quantity')} = ''`, reason: `'missing'` },
    {
      field: 'quantity',
      fails: `${signed('quantity')} <= 0`,
      reason: `'quantity must be positive, got ' || ${c('quantity')}`,
    },
    ...numberChecks(c('days_supply'), n('days_supply'), 'days_supply'),
    { field: 'days_supply', fails: `${c('days_supply')} = ''`, reason: `'missing'` },
    {
      field: 'days_supply',
      fails: `${signed('days_supply')} < 1 or ${signed('days_supply')} <> trunc(${signed('days_supply')})`,
      reason: `'days supply must be a whole number ≥ 1, got ' || ${c('days_supply')}`,
    },
    ...requiredChecks(c('claim_id'), 'claim_id'),
    ...personChecks,
    ...dayChecks(c('dispensing_date'), 'dispensing_date'),
    ...requiredChecks(c('ndc_code'), 'ndc_code'),
    {
      field: 'ndc_code',
      fails: `not regexp_full_match(replace(${c('ndc_code')}, '-', ''), '[0-9]{11}')`,
      reason: `'not an 11-digit NDC: ' || ${jsonText(c('ndc_code'), 20)}`,
    },
    ...amountChecks(),
    ...optionalDayChecks(c('paid_date'), 'paid_date'),
  ],
  stage: {
    stg_rx: {
      vkey: 'line',
      claim_id: c('claim_id'),
      person_ref: personRef,
      fill_date: dayOf(c('dispensing_date')),
      ndc: `replace(${c('ndc_code')}, '-', '')`,
      quantity: signed('quantity'),
      days_supply: `cast(${signed('days_supply')} as integer)`,
      prescriber_ref: textOf(c('prescribing_provider_npi')),
      pharmacy_ref: textOf(c('dispensing_provider_npi')),
      ...amounts(),
      is_reversed: isReversed,
      source_updated: dayOf(c('paid_date')),
      content_hash: 'null',
    },
  },
};

const eligibility: SqlRowMapping = {
  columns: [
    ...requiredColumns.eligibility,
    'plan_type',
    'first_name',
    'last_name',
    'phone',
    'address',
    'city',
    'county_fips',
  ],
  numbers: [],
  checks: [
    ...requiredChecks(c('member_id'), 'member_id'),
    ...requiredChecks(c('person_id'), 'person_id'),
    ...optionalDayChecks(c('birth_date'), 'birth_date'),
    ...dayChecks(c('enrollment_start_date'), 'enrollment_start_date'),
    ...optionalDayChecks(c('enrollment_end_date'), 'enrollment_end_date'),
  ],
  stage: {
    stg_member: {
      line: 'line',
      member_id: c('member_id'),
      person_id: c('person_id'),
      birth_date: dayOf(c('birth_date')),
      gender: textOf(`lower(${c('gender')})`),
      first_name: textOf(c('first_name')),
      last_name: textOf(c('last_name')),
      phone: textOf(c('phone')),
      address_line: textOf(c('address')),
      city: textOf(c('city')),
      state: textOf(c('state')),
      zip: textOf(c('zip_code')),
      county_fips: textOf(c('county_fips')),
    },
    stg_enrollment: {
      line: 'line',
      person_ref: c('member_id'),
      start_date: dayOf(c('enrollment_start_date')),
      end_date: dayOf(c('enrollment_end_date')),
      line_of_business: `case when lower(${c('payer_type')}) in ('commercial', 'medicare', 'medicaid')
        then lower(${c('payer_type')}) else 'other' end`,
      plan_type: `case when upper(${c('plan_type')}) in ('HMO', 'EPO', 'POS', 'PPO') then upper(${c('plan_type')}) end`,
      plan_id: c('plan'),
      payer: textOf(c('payer')),
    },
  },
};

/** Each CSV layout's SQL mapping. */
export const sqlRowMappings: Record<CsvKind, SqlRowMapping> = {
  eligibility,
  medical_claim: medical,
  pharmacy_claim: pharmacy,
};
