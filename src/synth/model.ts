import type { Market } from '../reference/index.ts';

/**
 * The in-memory model one member's data is generated into. Both writers (FHIR
 * NDJSON and Tuva CSV) render the same objects, so the two formats mean the
 * same data. Days are day numbers (see dates.ts); money is in cents.
 */
export type LineOfBusiness = 'commercial' | 'medicare' | 'medicaid';
export type PlanType = 'HMO' | 'PPO' | 'POS' | 'EPO';

export interface Plan {
  planId: string;
  name: string;
  lineOfBusiness: LineOfBusiness;
  planType: PlanType;
  /** Source of Payment Typology code (https://nahdo.org/sopt). */
  sopt: string;
  payer: string;
  deductible: number;
  coinsurance: number;
  officeCopay: number;
  edCopay: number;
  rxGenericCopay: number;
  rxBrandCopay: number;
}

export interface EnrollmentSpan {
  start: number;
  end: number;
  plan: Plan;
}

export interface Member {
  seq: number;
  memberId: string;
  /** The person id (Tuva `person_id`, FHIR Patient.id). */
  personId: string;
  firstName: string;
  lastName: string;
  gender: 'male' | 'female';
  birthDay: number;
  phone: string;
  addressLine: string;
  city: string;
  state: string;
  zip: string;
  /** Null for the addresses whose market the ZIP code or state must decide. */
  countyFips: string | null;
  market: Market;
  spans: EnrollmentSpan[];
}

export interface Amounts {
  charge: number;
  allowed: number;
  paid: number;
  deductible: number;
  copay: number;
  coinsurance: number;
}

export interface MedicalLine {
  serviceDay: number;
  endDay: number;
  procedureCode: string | null;
  revenueCode: string | null;
  placeOfService: string | null;
  units: number;
  renderingNpi: string | null;
  amounts: Amounts;
}

export interface MedicalClaim {
  kind: 'medical';
  claimId: string;
  claimType: 'professional' | 'institutional';
  setting: 'inpatient' | 'outpatient' | null;
  startDay: number;
  endDay: number;
  /** UB-04 priority of admission on inpatient claims; '1' = emergency. */
  admissionType: string | null;
  billType: string | null;
  billingNpi: string;
  /** ICD-10-CM with the dot; the first is the principal diagnosis. */
  diagnoses: string[];
  lines: MedicalLine[];
  paidDay: number;
  reversed: boolean;
  /** 1 for the original, 2… for adjusted or reversing copies. */
  version: number;
  plan: Plan;
  /** Coverage the claim was paid under (FHIR Coverage id). */
  coverageId: string;
}

export interface PharmacyClaim {
  kind: 'pharmacy';
  claimId: string;
  fillDay: number;
  ndc: string;
  quantity: number;
  daysSupply: number;
  prescriberNpi: string;
  pharmacyNpi: string;
  amounts: Amounts;
  paidDay: number;
  reversed: boolean;
  version: number;
  plan: Plan;
  coverageId: string;
}

export type Claim = MedicalClaim | PharmacyClaim;

export type ProviderKind = 'practitioner' | 'pharmacy' | 'hospital' | 'ambulance' | 'lab' | 'otp' | 'hospice';

export interface Provider {
  npi: string;
  kind: ProviderKind;
  /** Practitioners: given and family; organizations: family holds the whole name. */
  given: string | null;
  family: string;
  specialty: string | null;
  addressLine: string;
  city: string;
  state: string;
  zip: string;
}

/**
 * A modelled program effect (off by default, for the demo's story): from `start` on, members
 * at risk in the focus markets whom the program reached (`reachedShare` of them) have fewer
 * overdoses, by `reduction` (0.5 = half as many).
 */
export interface ProgramEffect {
  start: number;
  reachedShare: number;
  reduction: number;
}
