/** Code systems of the Da Vinci PAS face (HL7 Da Vinci Prior Authorization Support IG 2.x). */
export const systems = {
  npi: 'http://hl7.org/fhir/sid/us-npi',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  processPriority: 'http://terminology.hl7.org/CodeSystem/processpriority',
  v20203: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  /** X12 306 "Action Code": the PAS review action of an item. */
  x12ReviewAction: 'https://codesystem.x12.org/005010/306',
  /** Checkpoint's supporting-information categories (documented in src/coverage/README.md). */
  checkpointInfo: 'https://checkpoint.example.org/fhir/CodeSystem/pa-supporting-info',
  checkpointDenial: 'https://checkpoint.example.org/fhir/CodeSystem/pa-denial-reason',
} as const;

export const reviewActionExtension =
  'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction';
export const reviewActionCodeExtension =
  'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewActionCode';

/** X12 306 codes PAS uses: A1 certified in total, A3 not certified, A4 pended, A6 modified, C cancelled. */
export const reviewActions = {
  submitted: { code: 'A4', display: 'Pended' },
  in_review: { code: 'A4', display: 'Pended' },
  pended: { code: 'A4', display: 'Pended' },
  approved: { code: 'A1', display: 'Certified in total' },
  partially_approved: { code: 'A6', display: 'Modified' },
  denied: { code: 'A3', display: 'Not Certified' },
  withdrawn: { code: 'C', display: 'Cancelled' },
} as const;
