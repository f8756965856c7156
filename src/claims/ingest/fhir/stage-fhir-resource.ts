import { fail } from '../row-error.ts';
import type { Stager } from '../staging.ts';
import { mapCoverage } from './coverage.ts';
import { mapExplanationOfBenefit } from './explanation-of-benefit.ts';
import type { JsonObject } from './fhir-access.ts';
import { mapPatient } from './patient.ts';
import { mapProviderResource } from './provider-resource.ts';

/** The resource types ingest loads: members, coverage, providers and claims. */
export const loadedResourceTypes = new Set([
  'Patient',
  'Coverage',
  'ExplanationOfBenefit',
  'Practitioner',
  'Organization',
]);

/** Why a resource was read but stages nothing: the key it is counted under in the file's `ignored`. */
export const notUsedKeys = {
  payer: 'Organization (payer, no NPI)',
  claimType: (code: string) => `ExplanationOfBenefit (${code}: not used by the rules)`,
};

/**
 * Maps one resource and stages its rows; a bad field throws a RowError and stages nothing.
 * Returns the `ignored` key of a resource that is read but not used by the rules.
 */
export function stageFhirResource(resource: JsonObject, line: number, stager: Stager): string | null {
  if (resource.resourceType === undefined) fail('resourceType', 'missing');
  switch (resource.resourceType) {
    case 'Patient':
      stager.add('stg_member', mapPatient(resource, line));
      return null;
    case 'Coverage':
      stager.add('stg_enrollment', mapCoverage(resource, line));
      return null;
    case 'Practitioner':
    case 'Organization': {
      const provider = mapProviderResource(resource, line);
      if (!provider) return notUsedKeys.payer;
      stager.add('stg_provider', provider);
      return null;
    }
    case 'ExplanationOfBenefit': {
      const rows = mapExplanationOfBenefit(resource, line);
      if (rows.kind === 'unused') return notUsedKeys.claimType(rows.claimType);
      if (rows.kind === 'pharmacy') {
        stager.add('stg_rx', rows.rx);
        return null;
      }
      stager.add('stg_med_claim', rows.claim);
      for (const l of rows.lines) stager.add('stg_med_line', l);
      for (const d of rows.dx) stager.add('stg_med_dx', d);
      return null;
    }
    default:
      fail(
        'resourceType',
        `unsupported resource type ${JSON.stringify(String(resource.resourceType).slice(0, 40))}`,
      );
  }
}
