import { fail } from '../row-error.ts';
import type { Stager } from '../staging.ts';
import { mapCoverage } from './coverage.ts';
import { mapExplanationOfBenefit } from './explanation-of-benefit.ts';
import type { JsonObject } from './fhir-access.ts';
import { mapPatient } from './patient.ts';
import { mapProviderResource } from './provider-resource.ts';

/** The resource types ingest loads (INTERFACES.md). */
export const loadedResourceTypes = new Set([
  'Patient',
  'Coverage',
  'ExplanationOfBenefit',
  'Practitioner',
  'Organization',
]);

/** Maps one resource and stages its rows; a bad field throws a RowError and stages nothing. */
export function stageFhirResource(resource: JsonObject, line: number, stager: Stager): void {
  if (resource.resourceType === undefined) fail('resourceType', 'missing');
  switch (resource.resourceType) {
    case 'Patient':
      stager.add('stg_member', mapPatient(resource, line));
      return;
    case 'Coverage':
      stager.add('stg_enrollment', mapCoverage(resource, line));
      return;
    case 'Practitioner':
    case 'Organization':
      stager.add('stg_provider', mapProviderResource(resource, line));
      return;
    case 'ExplanationOfBenefit': {
      const rows = mapExplanationOfBenefit(resource, line);
      if (rows.kind === 'pharmacy') {
        stager.add('stg_rx', rows.rx);
        return;
      }
      stager.add('stg_med_claim', rows.claim);
      for (const l of rows.lines) stager.add('stg_med_line', l);
      for (const d of rows.dx) stager.add('stg_med_dx', d);
      return;
    }
    default:
      fail(
        'resourceType',
        `unsupported resource type ${JSON.stringify(String(resource.resourceType).slice(0, 40))}`,
      );
  }
}
