import { requiredColumns } from './csv/csv-layouts.ts';

type Cells = Record<string, string | number>;

/** A Tuva-style CSV of the layout's required columns plus any the rows add. */
export function toCsv(kind: keyof typeof requiredColumns, rows: Cells[], extra: string[] = []): string {
  const header = [...requiredColumns[kind], ...extra];
  const cell = (v: string | number | undefined): string => {
    const text = v === undefined ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[header.join(','), ...rows.map((r) => header.map((h) => cell(r[h])).join(','))].join('\n')}\n`;
}

/** An eligibility row: a commercial span for the person. */
export function eligibility(person: string, overrides: Cells = {}): Cells {
  return {
    person_id: person,
    member_id: `M-${person}`,
    gender: 'female',
    birth_date: '1970-05-01',
    enrollment_start_date: '2025-01-01',
    enrollment_end_date: '2026-12-31',
    payer: 'Acme Health',
    payer_type: 'commercial',
    plan: 'PLAN-A',
    state: 'NJ',
    zip_code: '07001',
    ...overrides,
  };
}

/** A pharmacy_claim row. */
export function fill(claimId: string, person: string, overrides: Cells = {}): Cells {
  return {
    claim_id: claimId,
    claim_line_number: 1,
    person_id: person,
    prescribing_provider_npi: '1234567893',
    dispensing_provider_npi: '1111111111',
    dispensing_date: '2026-01-05',
    ndc_code: '00406051201',
    quantity: 60,
    days_supply: 30,
    paid_date: '2026-01-10',
    ...overrides,
  };
}

/** A medical_claim row (one line). */
export function medicalLine(claimId: string, line: number, person: string, overrides: Cells = {}): Cells {
  return {
    claim_id: claimId,
    claim_line_number: line,
    claim_type: 'professional',
    person_id: person,
    claim_start_date: '2026-01-20',
    claim_end_date: '2026-01-20',
    claim_line_start_date: '2026-01-20',
    place_of_service_code: '23',
    hcpcs_code: '99284',
    billing_npi: '1234567893',
    diagnosis_code_type: 'icd-10-cm',
    diagnosis_code_1: 'T40.2X1A',
    paid_date: '2026-02-01',
    ...overrides,
  };
}
