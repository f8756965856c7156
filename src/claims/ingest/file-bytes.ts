import fs from 'node:fs';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * A file's content, whether it is stored plain or gzip-compressed (`.csv.gz`, `.ndjson.gz`,
 * told by its first two bytes, not its name). Readers take their bytes from here, so every
 * format loads the same either way; the load batch's hash stays the hash of the stored bytes.
 */

const gzipMagic = [0x1f, 0x8b] as const;

/** Whether the file starts with the gzip magic bytes. */
export function isGzipFile(filePath: string): boolean {
  const fd = fs.openSync(filePath, 'r');
  try {
    const head = Buffer.alloc(2);
    return fs.readSync(fd, head, 0, 2, 0) === 2 && head[0] === gzipMagic[0] && head[1] === gzipMagic[1];
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The file's content as a stream of bytes (a plain file in chunks of `chunkBytes`). A gzip
 * file always inflates through the same pipeline, 1 MiB in and out, whoever reads it: when
 * it is cut short, every reader then sees the same bytes before the error.
 */
export function openContent(filePath: string, chunkBytes = 1 << 20): Readable {
  if (!isGzipFile(filePath)) return fs.createReadStream(filePath, { highWaterMark: chunkBytes });
  const raw = fs.createReadStream(filePath, { highWaterMark: 1 << 20 });
  const gunzip = zlib.createGunzip({ chunkSize: 1 << 20 });
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

/**
 * The first `bytes` bytes of the content (fewer when the content is shorter). A gzip file is
 * inflated from its start in 16 KiB steps until that much is out, so a highly compressed file
 * never inflates whole. Throws when a gzip file's start cannot be decompressed.
 */
export function readContentHead(filePath: string, bytes: number): Buffer {
  const gzip = isGzipFile(filePath);
  const fd = fs.openSync(filePath, 'r');
  try {
    if (!gzip) {
      const head = Buffer.alloc(bytes);
      return head.subarray(0, fs.readSync(fd, head, 0, bytes, 0));
    }
    const step = 16 * 1024;
    let stored = Buffer.alloc(0);
    for (;;) {
      const more = Buffer.alloc(step);
      const read = fs.readSync(fd, more, 0, step, stored.length);
      stored = Buffer.concat([stored, more.subarray(0, read)]);
      // The whole file read: it must inflate to its end, or it is cut short or damaged.
      if (read < step) return zlib.gunzipSync(stored).subarray(0, bytes);
      const content = zlib.gunzipSync(stored, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      if (content.length >= bytes) return content.subarray(0, bytes);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The whole content as text (for documents read whole, such as a FHIR Bundle: they are small). */
export function readContentText(filePath: string): string {
  const stored = fs.readFileSync(filePath);
  return (isGzipFile(filePath) ? zlib.gunzipSync(stored) : stored).toString('utf8');
}

/**
 * When `error` is a gzip file's content failing to decompress (cut short or damaged), the
 * reason to record; null for any other error, which the caller rethrows.
 */
export function damagedContent(error: unknown): string | null {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('Z_')
    ? `gzip content cut short or damaged: ${(error as Error).message}`
    : null;
}
