import { RowError } from '../row-error.ts';
import type { RowSink } from '../row-sink.ts';
import { asObject } from './fhir-access.ts';
import { stageFhirResource } from './stage-fhir-resource.ts';

/** Reads one NDJSON line (file line `line`) into the sink: its staged rows, or one rejection. */
export function stageNdjsonLine(text: string, line: number, sink: RowSink): void {
  if (text.trim() === '') return;
  sink.read();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    sink.reject(line, '(line)', `malformed JSON: ${(error as Error).message}`, text);
    return;
  }
  const resource = asObject(parsed);
  if (!resource) {
    sink.reject(line, '(line)', 'not a JSON object', text);
    return;
  }
  try {
    const notUsed = stageFhirResource(resource, line, sink.stager);
    if (notUsed) sink.ignore(notUsed);
  } catch (error) {
    if (!(error instanceof RowError)) throw error;
    sink.reject(line, error.field, error.reason, text);
  }
}
