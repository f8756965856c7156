import fs from 'node:fs';

/**
 * A file written in large synchronous chunks: generation is CPU-bound and
 * single-threaded, so buffering ~1 MB and writing it at once is both the
 * fastest and the simplest way to stream millions of records with flat memory.
 */
export class FileSink {
  private readonly fd: number;
  private chunks: string[] = [];
  private pending = 0;
  /** Lines written so far (records plus any header). */
  lines = 0;
  bytes = 0;

  constructor(readonly path: string) {
    this.fd = fs.openSync(path, 'w');
  }

  /** Appends text holding `lines` complete lines. */
  write(text: string, lines = 1): void {
    this.chunks.push(text);
    this.pending += text.length;
    this.lines += lines;
    if (this.pending >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    const buffer = Buffer.from(this.chunks.join(''), 'utf8');
    fs.writeSync(this.fd, buffer);
    this.bytes += buffer.length;
    this.chunks = [];
    this.pending = 0;
  }

  /** Writes what is buffered and closes the file. */
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}
