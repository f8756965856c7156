import fs from 'node:fs';
import readline from 'node:readline';
import { RowError } from '../row-error.ts';
import type { RowSink } from '../row-sink.ts';
import { asObject } from './fhir-access.ts';
import { stageFhirResource } from './stage-fhir-resource.ts';

/** Streams a FHIR NDJSON file line by line (memory stays flat however large the file). */
export async function readNdjson(filePath: string, sink: RowSink): Promise<void> {
  const lines = readline.createInterface({
    input: fs.createReadStream(filePath, { encoding: 'utf8', highWaterMark: 1 << 20 }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    sink.read();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      sink.reject(line, '(line)', `malformed JSON: ${(error as Error).message}`, text);
      continue;
    }
    const resource = asObject(parsed);
    if (!resource) {
      sink.reject(line, '(line)', 'not a JSON object', text);
      continue;
    }
    try {
      stageFhirResource(resource, line, sink.stager);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      sink.reject(line, error.field, error.reason, text);
    }
  }
}
