import { formatDay } from './dates.ts';
import type { Claim, EnrollmentSpan, MedicalClaim, Member, PharmacyClaim } from './model.ts';

/**
 * Renders the model as Tuva Project input-layer CSV: the columns ingest
 * reads, in Tuva's order, plus Tuva's amount columns, `plan_type` and
 * `county_fips` on eligibility, and `claim_status` (`reversed`) on claims.
 */
export const eligibilityHeader = [
  'person_id',
  'member_id',
  'gender',
  'birth_date',
  'enrollment_start_date',
  'enrollment_end_date',
  'payer',
  'payer_type',
  'plan',
  'plan_type',
  'first_name',
  'last_name',
  'address',
  'city',
  'state',
  'zip_code',
  'county_fips',
  'phone',
  'data_source',
] as const;

const diagnosisColumns = Array.from({ length: 25 }, (_, i) => `diagnosis_code_${i + 1}`);

export const medicalClaimHeader = [
  'claim_id',
  'claim_line_number',
  'claim_type',
  'person_id',
  'member_id',
  'payer',
  'plan',
  'claim_start_date',
  'claim_end_date',
  'claim_line_start_date',
  'claim_line_end_date',
  'admission_date',
  'discharge_date',
  'admit_type_code',
  'place_of_service_code',
  'bill_type_code',
  'revenue_center_code',
  'service_unit_quantity',
  'hcpcs_code',
  'rendering_npi',
  'billing_npi',
  'paid_date',
  'paid_amount',
  'allowed_amount',
  'charge_amount',
  'coinsurance_amount',
  'copayment_amount',
  'deductible_amount',
  'diagnosis_code_type',
  ...diagnosisColumns,
  'claim_status',
  'data_source',
] as const;

export const pharmacyClaimHeader = [
  'claim_id',
  'claim_line_number',
  'person_id',
  'member_id',
  'payer',
  'plan',
  'prescribing_provider_npi',
  'dispensing_provider_npi',
  'dispensing_date',
  'ndc_code',
  'quantity',
  'days_supply',
  'paid_date',
  'paid_amount',
  'allowed_amount',
  'charge_amount',
  'coinsurance_amount',
  'copayment_amount',
  'deductible_amount',
  'claim_status',
  'data_source',
] as const;

export const dataSource = 'checkpoint-synth';

import { csvField } from '../platform/csv/csv-field.ts';

export { csvField };

/** One CSV record with its line ending. */
export function csvRow(values: readonly (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

const dollars = (cents: number) => (cents / 100).toFixed(2);

/** One eligibility row per enrollment span. */
export function eligibilityRow(member: Member, span: EnrollmentSpan): string {
  return csvRow([
    member.personId,
    member.memberId,
    member.gender,
    formatDay(member.birthDay),
    formatDay(span.start),
    formatDay(span.end),
    span.plan.payer,
    span.plan.lineOfBusiness,
    span.plan.planId,
    span.plan.planType,
    member.firstName,
    member.lastName,
    member.addressLine,
    member.city,
    member.state,
    member.zip,
    member.countyFips,
    member.phone,
    dataSource,
  ]);
}

function medicalRows(claim: MedicalClaim, member: Member): string {
  const diagnoses = diagnosisColumns.map((_, i) => claim.diagnoses[i]?.replace('.', '') ?? null);
  const inpatient = claim.setting === 'inpatient';
  let out = '';
  claim.lines.forEach((line, i) => {
    out += csvRow([
      claim.claimId,
      i + 1,
      claim.claimType,
      member.personId,
      member.memberId,
      claim.plan.payer,
      claim.plan.planId,
      formatDay(claim.startDay),
      formatDay(claim.endDay),
      formatDay(line.serviceDay),
      formatDay(line.endDay),
      inpatient ? formatDay(claim.startDay) : null,
      inpatient ? formatDay(claim.endDay) : null,
      claim.admissionType,
      line.placeOfService,
      claim.billType,
      line.revenueCode,
      line.units,
      line.procedureCode,
      line.renderingNpi,
      claim.billingNpi,
      formatDay(claim.paidDay),
      dollars(line.amounts.paid),
      dollars(line.amounts.allowed),
      dollars(line.amounts.charge),
      dollars(line.amounts.coinsurance),
      dollars(line.amounts.copay),
      dollars(line.amounts.deductible),
      'icd-10-cm',
      ...diagnoses,
      claim.reversed ? 'reversed' : null,
      dataSource,
    ]);
  });
  return out;
}

function pharmacyRow(claim: PharmacyClaim, member: Member): string {
  return csvRow([
    claim.claimId,
    1,
    member.personId,
    member.memberId,
    claim.plan.payer,
    claim.plan.planId,
    claim.prescriberNpi,
    claim.pharmacyNpi,
    formatDay(claim.fillDay),
    claim.ndc,
    claim.quantity,
    claim.daysSupply,
    formatDay(claim.paidDay),
    dollars(claim.amounts.paid),
    dollars(claim.amounts.allowed),
    dollars(claim.amounts.charge),
    dollars(claim.amounts.coinsurance),
    dollars(claim.amounts.copay),
    dollars(claim.amounts.deductible),
    claim.reversed ? 'reversed' : null,
    dataSource,
  ]);
}

/** The CSV rows of one claim version: one per line for medical claims, one for a fill. */
export function claimRows(claim: Claim, member: Member): string {
  return claim.kind === 'pharmacy' ? pharmacyRow(claim, member) : medicalRows(claim, member);
}
