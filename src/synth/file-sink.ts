import fs from 'node:fs';

const capacity = 4 << 20;

/**
 * A file written in large synchronous chunks: generation is CPU-bound and
 * single-threaded, so encoding records straight into a 4 MB buffer and
 * writing it when full is both the fastest and the simplest way to stream
 * millions of records with flat memory (no joins, no extra copies).
 */
export class FileSink {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(capacity);
  private used = 0;
  /** Lines written so far (records plus any header). */
  lines = 0;
  bytes = 0;

  constructor(readonly path: string) {
    this.fd = fs.openSync(path, 'w');
  }

  /** Appends text holding `lines` complete lines. */
  write(text: string, lines = 1): void {
    this.lines += lines;
    // Three bytes per UTF-16 unit is the most UTF-8 can need.
    if (text.length * 3 > capacity - this.used) {
      this.flush();
      if (text.length * 3 > capacity) {
        const bytes = Buffer.from(text, 'utf8');
        fs.writeSync(this.fd, bytes);
        this.bytes += bytes.length;
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** Appends bytes already encoded (by a worker) holding `lines` complete lines. */
  writeBytes(bytes: Uint8Array, lines: number): void {
    this.lines += lines;
    this.flush();
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(this.fd, bytes, offset, bytes.length - offset);
    this.bytes += bytes.length;
  }

  private flush(): void {
    if (this.used === 0) return;
    let offset = 0;
    while (offset < this.used) offset += fs.writeSync(this.fd, this.buffer, offset, this.used - offset);
    this.bytes += this.used;
    this.used = 0;
  }

  /** Writes what is buffered and closes the file. */
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}
