import {
  normalizeDiagnosis,
  optionalText,
  parseOptionalDay,
  parseOptionalNumber,
  requireText,
} from '../field-values.ts';
import { fail } from '../row-error.ts';
import type { StagedRow } from '../staging.ts';
import type { CsvRow } from './csv-row.ts';

const diagnosisColumns = Array.from({ length: 25 }, (_, i) => `diagnosis_code_${i + 1}`);

/**
 * Maps one medical_claim row (one claim line, repeating its claim's header and diagnoses)
 * to a staged row; SQL groups the rows into claim versions afterwards.
 */
export function mapMedicalClaimRow(row: CsvRow, line: number): StagedRow<'stg_csv_med'> {
  const claimType = row.get('claim_type').toLowerCase();
  if (claimType !== 'professional' && claimType !== 'institutional')
    fail('claim_type', `expected professional or institutional, got ${JSON.stringify(claimType)}`);
  const lineNumber = parseOptionalNumber(row.get('claim_line_number'), 'claim_line_number');
  if (lineNumber === null || !Number.isInteger(lineNumber) || lineNumber < 1)
    fail('claim_line_number', 'missing or not a whole number ≥ 1');
  const units = parseOptionalNumber(row.get('service_unit_quantity'), 'service_unit_quantity');
  if (units !== null && units < 0)
    fail('service_unit_quantity', `quantity must not be negative, got ${units}`);
  const dx = diagnosisColumns.map((c) => normalizeDiagnosis(row.get(c)));
  const codeType = row.get('diagnosis_code_type').toLowerCase();
  if (dx.some((d) => d !== '') && codeType !== '' && codeType !== 'icd-10-cm')
    fail('diagnosis_code_type', `only icd-10-cm is read, got ${JSON.stringify(codeType)}`);
  const claimStart = parseOptionalDay(row.get('claim_start_date'), 'claim_start_date');
  const lineStart = parseOptionalDay(row.get('claim_line_start_date'), 'claim_line_start_date');
  if (!claimStart && !lineStart) fail('claim_start_date', 'no claim or line start date');
  const revenue = row.get('revenue_center_code');
  const place = row.get('place_of_service_code');
  // row_hash is left to SQL (md5 over the columns), cheaper there than per row in JS.
  return {
    line,
    claim_id: requireText(row.get('claim_id'), 'claim_id'),
    line_number: lineNumber,
    claim_type: claimType,
    // Tuva claims carry member_id beside person_id; it names the enrollment exactly.
    person_ref: row.get('member_id') || requireText(row.get('person_id'), 'person_id'),
    claim_start: claimStart,
    claim_end: parseOptionalDay(row.get('claim_end_date'), 'claim_end_date'),
    line_start: lineStart,
    admit_type: optionalText(row.get('admit_type_code')),
    place_of_service: place === '' ? null : /^\d$/.test(place) ? `0${place}` : place,
    bill_type: optionalText(row.get('bill_type_code')),
    revenue_code: revenue === '' ? null : /^\d{3}$/.test(revenue) ? `0${revenue}` : revenue,
    procedure_code: optionalText(row.get('hcpcs_code').toUpperCase()),
    units,
    rendering_npi: optionalText(row.get('rendering_npi')),
    billing_npi: optionalText(row.get('billing_npi')),
    dx: dx.join('|'),
    paid_date: parseOptionalDay(row.get('paid_date'), 'paid_date'),
    paid_amount: parseOptionalNumber(row.get('paid_amount'), 'paid_amount'),
    allowed_amount: parseOptionalNumber(row.get('allowed_amount'), 'allowed_amount'),
    deductible_amount: parseOptionalNumber(row.get('deductible_amount'), 'deductible_amount'),
    copay_amount: parseOptionalNumber(row.get('copayment_amount'), 'copayment_amount'),
    coinsurance_amount: parseOptionalNumber(row.get('coinsurance_amount'), 'coinsurance_amount'),
    is_reversed: row.get('claim_status').toLowerCase() === 'reversed',
    row_hash: null,
  };
}
