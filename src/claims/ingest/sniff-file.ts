import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { type CsvKind, detectCsvLayout } from './csv/csv-layouts.ts';
import { damagedContent, isGzipFile, openContent, readContentHead, readContentText } from './file-bytes.ts';

/** What a file looks like from its first bytes, before any row is read. */
export type Sniffed =
  | { format: 'fhir-ndjson'; firstType: string | null }
  | { format: 'fhir-bundle' }
  | { format: 'csv'; kind: CsvKind }
  | { format: 'rejected'; field: string; reason: string };

const sniffBytes = 64 * 1024;
/** A ZIP archive is named, with how to unpack it, rather than called binary (gzip is read). */
const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads the start of a file and names its format, or why it cannot be loaded at all. */
export function sniffFile(filePath: string): Sniffed {
  let head: Buffer;
  try {
    head = readContentHead(filePath, sniffBytes);
  } catch (error) {
    if (!damagedContent(error)) throw error;
    return {
      format: 'rejected',
      field: '(file)',
      reason: `gzip file that cannot be decompressed: ${(error as Error).message}`,
    };
  }
  const whole = head.length < sniffBytes;
  if (head.toString('utf8').trim() === '')
    return { format: 'rejected', field: '(file)', reason: 'empty file' };
  if (head.subarray(0, 4).equals(zipMagic))
    return {
      format: 'rejected',
      field: '(file)',
      reason: 'ZIP archive: extract it first, then load the files inside',
    };
  if (head.includes(0) || !isUtf8(head, !whole))
    return { format: 'rejected', field: '(file)', reason: 'binary file: not UTF-8 text' };
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return sniffJson(filePath, trimmed, whole);
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

function sniffJson(filePath: string, trimmed: string, whole: boolean): Sniffed {
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
    if (/"resourceType"\s*:\s*"Bundle"/.test(trimmed.slice(0, 4096)) || whole) {
      try {
        const doc = JSON.parse(readContentText(filePath)) as { resourceType?: unknown };
        if (doc.resourceType === 'Bundle') return { format: 'fhir-bundle' };
      } catch {
        // fall through: read as NDJSON, where each malformed line is rejected on its own
      }
    }
    return { format: 'fhir-ndjson', firstType: null };
  }
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
 * The sha256 of a file's stored bytes and the number of lines of its content, streamed (one
 * pass for a plain file; a gzip file's lines are counted on a second, decompressing pass).
 * Lines count '\n' endings (a last line without one counts too); -1 when a lone '\r' ends a
 * line somewhere, which only the JS reader splits as a line break.
 */
export async function scanFile(filePath: string): Promise<{ hash: string; lines: number }> {
  const hash = createHash('sha256');
  if (!isGzipFile(filePath)) {
    const lines = await countLines(fs.createReadStream(filePath, { highWaterMark: 1 << 20 }), (bytes) =>
      hash.update(bytes),
    );
    return { hash: hash.digest('hex'), lines };
  }
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  const digest = hash.digest('hex');
  try {
    return { hash: digest, lines: await countLines(openContent(filePath)) };
  } catch (error) {
    if (!damagedContent(error)) throw error;
    // A damaged file goes through the JS readers, which load what decompresses and say where it broke.
    return { hash: digest, lines: -1 };
  }
}

async function countLines(content: AsyncIterable<unknown>, onBytes: (bytes: Buffer) => void = () => {}) {
  let lines = 0;
  let loneReturn = false;
  let last = -1;
  let returnAtEnd = false;
  for await (const chunk of content) {
    const bytes = chunk as Buffer;
    onBytes(bytes);
    if (returnAtEnd && bytes[0] !== 0x0a) loneReturn = true;
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) lines++;
    for (let i = bytes.indexOf(0x0d); i !== -1 && !loneReturn; i = bytes.indexOf(0x0d, i + 1))
      if (i + 1 < bytes.length && bytes[i + 1] !== 0x0a) loneReturn = true;
    returnAtEnd = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d;
    if (bytes.length > 0) last = bytes[bytes.length - 1] as number;
  }
  if (last !== -1 && last !== 0x0a) lines++;
  return loneReturn || returnAtEnd ? -1 : lines;
}
