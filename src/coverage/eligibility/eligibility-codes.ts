/** Codes the eligibility checklist looks for in claims, with their sources. */
export const eligibilityCodes = {
  /** ICD-10-CM dependence: opioid F11.2x, sedative/hypnotic/anxiolytic (benzodiazepine) F13.2x. */
  dependencePrefixes: ['F112', 'F132'],
  /** Use disorder coded as abuse or unspecified use: a sign, not dependence (F11.1x, F11.9x, F13.1x, F13.9x). */
  otherUsePrefixes: ['F111', 'F119', 'F131', 'F139'],
  /** Assessments: HCPCS H0001 alcohol/drug assessment, H0002 screening for admission; CPT 90791/90792 psychiatric evaluation; 99408/99409 SBIRT. */
  assessmentCodes: ['H0001', 'H0002', '90791', '90792', '99408', '99409'],
  /** ICD-10-CM Z59.0x homelessness, Z59.1 inadequate housing, Z59.81x housing instability. */
  housingConcernPrefixes: ['Z590', 'Z591', 'Z5981'],
  /** Treatment engagement: HCPCS H0004 counseling, H0005 group, H0015 IOP, H0020 methadone; claim labels MOUD_FILL, OTP_SERVICE. */
  engagementCodes: ['H0004', 'H0005', 'H0015', 'H0020'],
} as const;
