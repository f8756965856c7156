import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { type CsvKind, detectCsvLayout } from './csv/csv-layouts.ts';

/** What a file looks like from its first bytes, before any row is read. */
export type Sniffed =
  | { format: 'fhir-ndjson'; firstType: string | null }
  | { format: 'fhir-bundle' }
  | { format: 'csv'; kind: CsvKind }
  | { format: 'rejected'; field: string; reason: string };

const sniffBytes = 64 * 1024;

/** Reads the start of a file and names its format, or why it cannot be loaded at all. */
export function sniffFile(filePath: string): Sniffed {
  const fd = fs.openSync(filePath, 'r');
  const buffer = Buffer.alloc(sniffBytes);
  const size = fs.readSync(fd, buffer, 0, sniffBytes, 0);
  fs.closeSync(fd);
  const head = buffer.subarray(0, size);
  if (head.toString('utf8').trim() === '')
    return { format: 'rejected', field: '(file)', reason: 'empty file' };
  const packed = packedFormat(head);
  if (packed) return { format: 'rejected', field: '(file)', reason: packed };
  if (head.includes(0) || !isUtf8(head, size === sniffBytes))
    return { format: 'rejected', field: '(file)', reason: 'binary file: not UTF-8 text' };
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return sniffJson(filePath, trimmed);
  const header = (text.split(/\r?\n/, 1)[0] ?? '').split(',').map((h) => h.replace(/^"|"$/g, ''));
  const { kind, missing } = detectCsvLayout(header);
  if (!kind)
    return {
      format: 'rejected',
      field: '(header)',
      reason: looksLikeSyntheaCsv(header)
        ? 'a Synthea CSV export, which holds no claims layout Checkpoint reads: load Synthea’s FHIR output (Bundles or NDJSON) instead'
        : 'not FHIR JSON and no known CSV header (eligibility, medical_claim, pharmacy_claim)',
    };
  if (missing.length > 0)
    return {
      format: 'rejected',
      field: missing.join(';'),
      reason: `${kind} CSV header lacks ${missing.join(', ')}`,
    };
  return { format: 'csv', kind };
}

/**
 * Synthea's CSV export (patients.csv, encounters.csv, claims.csv, …): upper-case columns,
 * rows keyed by `Id` or pointing at a `PATIENT`. Named in the rejection so that no one
 * takes it for a damaged claims file.
 */
function looksLikeSyntheaCsv(header: readonly string[]): boolean {
  const upper = header.filter((h) => h !== 'Id');
  return (
    header.length >= 3 &&
    upper.every((h) => /^[A-Z][A-Z0-9_]*$/.test(h)) &&
    (header[0] === 'Id' || header.some((h) => h === 'PATIENT' || h === 'PATIENTID'))
  );
}

function sniffJson(filePath: string, trimmed: string): Sniffed {
  const firstLine = trimmed.split('\n', 1)[0] ?? '';
  try {
    const first = JSON.parse(firstLine) as { resourceType?: unknown };
    if (first.resourceType === 'Bundle') return { format: 'fhir-bundle' };
    return {
      format: 'fhir-ndjson',
      firstType: typeof first.resourceType === 'string' ? first.resourceType : null,
    };
  } catch {
    // A pretty-printed document spans lines: only a Bundle is read whole (Bundles are small).
    if (
      /"resourceType"\s*:\s*"Bundle"/.test(trimmed.slice(0, 4096)) ||
      fs.statSync(filePath).size < 64 * 1024
    ) {
      try {
        const doc = JSON.parse(fs.readFileSync(filePath, 'utf8')) as { resourceType?: unknown };
        if (doc.resourceType === 'Bundle') return { format: 'fhir-bundle' };
      } catch {
        // fall through: read as NDJSON, where each malformed line is rejected on its own
      }
    }
    return { format: 'fhir-ndjson', firstType: null };
  }
}

/** Compressed or archived files, named by their magic bytes so the fix is plain; null for anything else. */
function packedFormat(head: Buffer): string | null {
  if (head[0] === 0x1f && head[1] === 0x8b)
    return 'gzip-compressed file: decompress it first (gunzip), then load the .csv or .ndjson inside';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    return 'ZIP archive: extract it first, then load the files inside';
  return null;
}

function isUtf8(bytes: Buffer, truncated: boolean): boolean {
  // A multi-byte character may be cut at the end of the sniffed window; allow for that.
  const body = truncated ? bytes.subarray(0, bytes.length - 4) : bytes;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

/**
 * The sha256 of a file's bytes and its number of lines, in one streamed pass. Lines count
 * '\n' endings (a last line without one counts too); -1 when a lone '\r' ends a line
 * somewhere, which only the JS reader splits as a line break.
 */
export async function scanFile(filePath: string): Promise<{ hash: string; lines: number }> {
  const hash = createHash('sha256');
  let lines = 0;
  let loneReturn = false;
  let last = -1;
  let returnAtEnd = false;
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    if (returnAtEnd && bytes[0] !== 0x0a) loneReturn = true;
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) lines++;
    for (let i = bytes.indexOf(0x0d); i !== -1 && !loneReturn; i = bytes.indexOf(0x0d, i + 1))
      if (i + 1 < bytes.length && bytes[i + 1] !== 0x0a) loneReturn = true;
    returnAtEnd = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d;
    if (bytes.length > 0) last = bytes[bytes.length - 1] as number;
  }
  if (last !== -1 && last !== 0x0a) lines++;
  return { hash: hash.digest('hex'), lines: loneReturn || returnAtEnd ? -1 : lines };
}
