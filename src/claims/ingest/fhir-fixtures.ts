/**
 * Small FHIR resources in the CARIN Blue Button shape ingest reads, for tests. Each builder takes
 * overrides so a test states only what it is about.
 */
type Json = Record<string, unknown>;

const claimType = (code: string): Json => ({
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code }],
});

/** A Patient with an MB member identifier. */
export function patient(id: string, overrides: Json = {}): Json {
  return {
    resourceType: 'Patient',
    id,
    identifier: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MB' }] },
        value: `M-${id}`,
      },
    ],
    birthDate: '1970-05-01',
    gender: 'female',
    address: [{ state: 'NJ', postalCode: '07001', district: '34023' }],
    ...overrides,
  };
}

/** A commercial PPO Coverage for the patient. */
export function coverage(id: string, patientId: string, overrides: Json = {}): Json {
  return {
    resourceType: 'Coverage',
    id,
    status: 'active',
    beneficiary: { reference: `Patient/${patientId}` },
    period: { start: '2025-01-01', end: '2026-12-31' },
    type: { coding: [{ system: 'https://nahdo.org/sopt', code: '512' }] },
    class: [
      {
        type: { coding: [{ code: 'plan' }] },
        value: 'PLAN-A',
      },
    ],
    payor: [{ display: 'Acme Health' }],
    ...overrides,
  };
}

/** A practitioner with an NPI. */
export function practitioner(id: string, npi: string): Json {
  return {
    resourceType: 'Practitioner',
    id,
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: npi }],
    name: [{ family: 'Doe', given: ['Jane'] }],
  };
}

/** A pharmacy EOB: one NDC item with quantity, days supply, prescriber and pharmacy. */
export function pharmacyEob(id: string, patientId: string, overrides: Json = {}): Json {
  return {
    resourceType: 'ExplanationOfBenefit',
    id,
    meta: { lastUpdated: '2026-01-10T00:00:00Z' },
    identifier: [
      {
        type: {
          coding: [{ system: 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType', code: 'uc' }],
        },
        value: `RX-${id}`,
      },
    ],
    status: 'active',
    type: claimType('pharmacy'),
    patient: { reference: `Patient/${patientId}` },
    billablePeriod: { start: '2026-01-05' },
    provider: { identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: '1111111111' } },
    careTeam: [
      {
        sequence: 1,
        provider: { reference: 'Practitioner/doc1' },
        role: { coding: [{ code: 'prescribing' }] },
      },
    ],
    supportingInfo: [
      {
        sequence: 1,
        category: { coding: [{ code: 'dayssupply' }] },
        valueQuantity: { value: 30 },
      },
    ],
    item: [
      {
        sequence: 1,
        servicedDate: '2026-01-05',
        productOrService: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '00406-0512-01' }] },
        quantity: { value: 60 },
      },
    ],
    ...overrides,
  };
}

/** A professional EOB with one diagnosis and one item. */
export function professionalEob(id: string, patientId: string, overrides: Json = {}): Json {
  return {
    resourceType: 'ExplanationOfBenefit',
    id,
    meta: { lastUpdated: '2026-02-01T00:00:00Z' },
    status: 'active',
    type: claimType('professional'),
    patient: { reference: `Patient/${patientId}` },
    billablePeriod: { start: '2026-01-20', end: '2026-01-20' },
    provider: { reference: 'Practitioner/doc1' },
    diagnosis: [
      {
        sequence: 1,
        diagnosisCodeableConcept: {
          coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M54.5' }],
        },
        type: [{ coding: [{ code: 'principal' }] }],
      },
    ],
    item: [
      {
        sequence: 1,
        servicedDate: '2026-01-20',
        productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99213' }] },
        locationCodeableConcept: { coding: [{ code: '11' }] },
        quantity: { value: 1 },
      },
    ],
    ...overrides,
  };
}

/** An institutional EOB of the given subType with revenue-coded items. */
export function institutionalEob(
  id: string,
  patientId: string,
  subType: 'inpatient' | 'outpatient',
  overrides: Json = {},
): Json {
  return {
    ...professionalEob(id, patientId),
    type: claimType('institutional'),
    subType: { coding: [{ code: subType }] },
    item: [
      {
        sequence: 1,
        servicedDate: '2026-01-21',
        revenue: { coding: [{ code: '0450' }] },
        productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99284' }] },
      },
      { sequence: 2, servicedDate: '2026-01-20', revenue: { coding: [{ code: '0300' }] } },
    ],
    ...overrides,
  };
}

/** Resources as NDJSON text. */
export function toNdjson(resources: Json[]): string {
  return `${resources.map((r) => JSON.stringify(r)).join('\n')}\n`;
}
