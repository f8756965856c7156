import { codings } from './fhir-access.ts';

/** What an EOB's type means to the rules: a kind of claim the warehouse holds, or one the rules do not use. */
export type ClaimTypeReading =
  | { use: 'pharmacy' }
  | { use: 'professional' }
  | { use: 'institutional'; setting: 'inpatient' | 'outpatient' | null }
  | { use: 'unused'; code: string };

/**
 * Claim types as payers export them (every CARIN BB version and Blue Button 2.0):
 * - CARIN BB STU1 (`C4BBClaimType`, earlier `carin-bb-claim-type`): `inpatient-facility`,
 *   `outpatient-facility`, `professional-nonclinician`, `oral`, `pharmacy`;
 * - CMS Blue Button 2.0 (`…/codesystem/eob-type`): CARRIER, DME, HHA, HOSPICE, INPATIENT,
 *   OUTPATIENT, SNF, PDE (the BFD's EOBs also carry the HL7 code);
 * - HL7 `claim-type` (CARIN BB STU2 and 2.x): `pharmacy`, `professional`, `institutional`,
 *   `oral`, `vision`, with the institutional setting in `subType`.
 * The specific codes are read before the HL7 ones, since they also give the setting.
 */
const specific: Record<string, ClaimTypeReading> = {
  'inpatient-facility': { use: 'institutional', setting: 'inpatient' },
  'outpatient-facility': { use: 'institutional', setting: 'outpatient' },
  'professional-nonclinician': { use: 'professional' },
  INPATIENT: { use: 'institutional', setting: 'inpatient' },
  OUTPATIENT: { use: 'institutional', setting: 'outpatient' },
  // Skilled nursing, home health and hospice are institutional claims but not acute stays:
  // their setting comes from subType or the bill type, as for any institutional claim.
  SNF: { use: 'institutional', setting: null },
  HHA: { use: 'institutional', setting: null },
  HOSPICE: { use: 'institutional', setting: null },
  CARRIER: { use: 'professional' },
  DME: { use: 'professional' },
  PDE: { use: 'pharmacy' },
};

const general: Record<string, ClaimTypeReading> = {
  pharmacy: { use: 'pharmacy' },
  professional: { use: 'professional' },
  institutional: { use: 'institutional', setting: null },
  oral: { use: 'unused', code: 'oral' },
  vision: { use: 'unused', code: 'vision' },
};

/** Reads an EOB's `type`; null when no coding is a claim type this list knows. */
export function readClaimType(type: unknown): ClaimTypeReading | null {
  const codes = codings(type).map((c) => c.code);
  for (const table of [specific, general])
    for (const code of codes) {
      const reading = table[code];
      if (reading) return reading;
    }
  return null;
}
