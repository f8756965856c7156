/** A parsed JSON object, read field by field: FHIR input is checked where it is used. */
export type JsonObject = Record<string, unknown>;

export const npiSystem = 'http://hl7.org/fhir/sid/us-npi';

/** The value as a JSON object, or null. */
export function asObject(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

/** The value as an array of objects (non-objects dropped); [] when absent. */
export function asObjects(value: unknown): JsonObject[] {
  if (!Array.isArray(value)) return [];
  return value.map(asObject).filter((o): o is JsonObject => o !== null);
}

/** Every coding of a CodeableConcept. */
export function codings(concept: unknown): Array<{ system: string; code: string }> {
  return asObjects(asObject(concept)?.coding).flatMap((c) =>
    typeof c.code === 'string'
      ? [{ system: typeof c.system === 'string' ? c.system : '', code: c.code }]
      : [],
  );
}

/** The first code of a CodeableConcept whose system passes `accept` (any system when omitted). */
export function codeOf(concept: unknown, accept?: (system: string) => boolean): string | null {
  const found = codings(concept).find((c) => !accept || accept(c.system));
  return found ? found.code : null;
}

/** Whether a CodeableConcept (or any of a list of them) carries the code. */
export function hasCode(concept: unknown, code: string): boolean {
  const list = Array.isArray(concept) ? concept : [concept];
  return list.some((c) => codings(c).some((x) => x.code === code));
}

/**
 * The id a reference points at: `Patient/123`, `urn:uuid:123` and a bare `123` all give
 * `123`; a conditional or logical reference by NPI gives the NPI.
 */
export function referenceId(reference: unknown): string | null {
  const ref = asObject(reference);
  if (!ref) return null;
  const identifier = asObject(ref.identifier);
  if (identifier && typeof identifier.value === 'string') return identifier.value.trim();
  if (typeof ref.reference !== 'string') return null;
  const text = ref.reference.trim();
  const conditional = text.indexOf('?identifier=');
  if (conditional >= 0) return text.slice(text.lastIndexOf('|') + 1) || null;
  if (text.startsWith('urn:uuid:')) return text.slice('urn:uuid:'.length);
  const slash = text.lastIndexOf('/');
  return slash >= 0 ? text.slice(slash + 1) : text;
}

/** The value of the first identifier whose system is `system`. */
export function identifierValue(identifiers: unknown, system: string): string | null {
  const found = asObjects(identifiers).find((i) => i.system === system && typeof i.value === 'string');
  return found ? (found.value as string).trim() : null;
}

/** The value of the first identifier whose `type` has the code (e.g. MB, uc). */
export function identifierByType(identifiers: unknown, code: string): string | null {
  const found = asObjects(identifiers).find((i) => hasCode(i.type, code) && typeof i.value === 'string');
  return found ? (found.value as string).trim() : null;
}
