/** The Tuva input-layer files Checkpoint reads, told apart by their header. */
export type CsvKind = 'eligibility' | 'medical_claim' | 'pharmacy_claim';

/** Columns each file must have; optional ones (plan_type, county_fips, claim_status, …) are read when present. */
export const requiredColumns: Record<CsvKind, readonly string[]> = {
  eligibility: [
    'person_id',
    'member_id',
    'gender',
    'birth_date',
    'enrollment_start_date',
    'enrollment_end_date',
    'payer',
    'payer_type',
    'plan',
    'state',
    'zip_code',
  ],
  medical_claim: [
    'claim_id',
    'claim_line_number',
    'claim_type',
    'person_id',
    'claim_start_date',
    'claim_end_date',
    'claim_line_start_date',
    'admission_date',
    'admit_type_code',
    'place_of_service_code',
    'bill_type_code',
    'revenue_center_code',
    'hcpcs_code',
    'rendering_npi',
    'billing_npi',
    'diagnosis_code_type',
    'diagnosis_code_1',
    'paid_date',
  ],
  pharmacy_claim: [
    'claim_id',
    'claim_line_number',
    'person_id',
    'prescribing_provider_npi',
    'dispensing_provider_npi',
    'dispensing_date',
    'ndc_code',
    'quantity',
    'days_supply',
    'paid_date',
  ],
};

/** A column only one layout has, which names the file's kind even when other columns are missing. */
const telltales: Array<[CsvKind, string[]]> = [
  ['eligibility', ['enrollment_start_date', 'enrollment_end_date', 'payer_type']],
  ['pharmacy_claim', ['ndc_code', 'dispensing_date', 'days_supply']],
  ['medical_claim', ['hcpcs_code', 'diagnosis_code_1', 'bill_type_code', 'claim_type']],
];

/** The layout a header belongs to and the required columns it lacks; kind null when no layout fits. */
export function detectCsvLayout(header: readonly string[]): { kind: CsvKind | null; missing: string[] } {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  const kind = telltales.find(([, cols]) => cols.some((c) => names.has(c)))?.[0] ?? null;
  if (!kind) return { kind: null, missing: [] };
  return { kind, missing: requiredColumns[kind].filter((c) => !names.has(c)) };
}
