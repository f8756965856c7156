import { optionalText, parseOptionalDay, requireText } from '../field-values.ts';
import { fail } from '../row-error.ts';
import type { StagedRow } from '../staging.ts';
import { asObject, asObjects, identifierByType, type JsonObject } from './fhir-access.ts';

/** Maps a Patient to a member: member id from the `MB` identifier, else the resource id. */
export function mapPatient(resource: JsonObject, line: number): StagedRow<'stg_member'> {
  const id = requireText(resource.id, 'id');
  const address = asObjects(resource.address)[0] ?? {};
  const name = asObjects(resource.name)[0] ?? {};
  const given = Array.isArray(name.given) ? name.given[0] : undefined;
  const lines = Array.isArray(address.line) ? address.line : [];
  const phone = asObjects(resource.telecom).find((t) => t.system === 'phone');
  const gender = optionalText(resource.gender);
  if (gender && !['male', 'female', 'other', 'unknown'].includes(gender))
    fail('gender', `not a FHIR administrative gender: ${JSON.stringify(gender.slice(0, 20))}`);
  return {
    line,
    member_id: identifierByType(resource.identifier, 'MB') ?? id,
    person_id: id,
    birth_date: parseOptionalDay(resource.birthDate, 'birthDate'),
    gender,
    first_name: optionalText(given),
    last_name: optionalText(name.family),
    phone: optionalText(asObject(phone)?.value),
    address_line: optionalText(lines[0]),
    city: optionalText(address.city),
    state: optionalText(address.state),
    zip: optionalText(address.postalCode),
    county_fips: optionalText(address.district),
  };
}
