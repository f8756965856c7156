import { readContentText } from '../file-bytes.ts';
import { RowError } from '../row-error.ts';
import type { RowSink } from '../row-sink.ts';
import { asObject, asObjects } from './fhir-access.ts';
import { loadedResourceTypes, stageFhirResource } from './stage-fhir-resource.ts';

const bundleTypes = new Set(['collection', 'transaction', 'batch', 'searchset', 'transaction-response']);

/**
 * Reads a FHIR Bundle (a single JSON document, as a FHIR server or Synthea writes it; read
 * whole because Bundles are small). A rejected entry's "line" is its 1-based entry number.
 * Clinical resources a Bundle carries besides the five Checkpoint loads are counted as
 * ignored, not rejected: a Bundle is a patient's whole record, not a claims feed.
 */
export async function readBundle(filePath: string, sink: RowSink): Promise<void> {
  let bundle: unknown;
  try {
    bundle = JSON.parse(readContentText(filePath));
  } catch (error) {
    sink.reject(0, '(file)', `malformed JSON: ${(error as Error).message}`, null);
    return;
  }
  const doc = asObject(bundle);
  if (doc?.resourceType !== 'Bundle' || !bundleTypes.has(String(doc.type))) {
    sink.reject(0, 'type', `not a collection, transaction or searchset Bundle`, null);
    return;
  }
  const entries = asObjects(doc.entry);
  for (const [i, entry] of entries.entries()) {
    const resource = asObject(entry.resource);
    const type = typeof resource?.resourceType === 'string' ? resource.resourceType : null;
    if (resource && type && !loadedResourceTypes.has(type)) {
      sink.ignore(type);
      continue;
    }
    sink.read();
    try {
      if (!resource) throw new RowError('resource', 'entry has no resource');
      const notUsed = stageFhirResource(resource, i + 1, sink.stager);
      if (notUsed) sink.ignore(notUsed);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      sink.reject(i + 1, error.field, error.reason, JSON.stringify(resource ?? entry).slice(0, 2000));
    }
  }
}
