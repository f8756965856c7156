import { optionalText, requireText } from '../field-values.ts';
import { fail } from '../row-error.ts';
import type { StagedRow } from '../staging.ts';
import { asObjects, codings, identifierValue, type JsonObject, npiSystem } from './fhir-access.ts';

/**
 * Maps a Practitioner or Organization with an NPI identifier to a provider. An Organization
 * with no NPI at all is the payer (`Coverage.payor`), not a provider: null, and counted.
 */
export function mapProviderResource(resource: JsonObject, line: number): StagedRow<'stg_provider'> | null {
  const found = identifierValue(resource.identifier, npiSystem);
  if (found === null && resource.resourceType === 'Organization') return null;
  const npi = found ?? fail('identifier', 'no NPI identifier');
  if (!/^\d{10}$/.test(npi)) fail('identifier', `NPI is not 10 digits: ${JSON.stringify(npi.slice(0, 20))}`);
  const address = asObjects(resource.address)[0] ?? {};
  const isOrganization = resource.resourceType === 'Organization';
  const isPharmacy = asObjects(resource.type).some((t) =>
    codings(t).some((c) => /pharm/i.test(c.code) || c.system.includes('pharmacy')),
  );
  return {
    line,
    npi,
    fhir_id: requireText(resource.id, 'id'),
    name: isOrganization ? optionalText(resource.name) : practitionerName(resource),
    kind: isOrganization ? (isPharmacy ? 'pharmacy' : 'organization') : 'practitioner',
    state: optionalText(address.state),
    zip: optionalText(address.postalCode),
  };
}

function practitionerName(resource: JsonObject): string | null {
  const name = asObjects(resource.name)[0];
  if (!name) return null;
  if (typeof name.text === 'string') return name.text;
  const given = Array.isArray(name.given) ? name.given.filter((g) => typeof g === 'string') : [];
  const parts = [...given, typeof name.family === 'string' ? name.family : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}
