import fs from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';
import { Worker } from 'node:worker_threads';
import { damagedContent, openContent } from '../file-bytes.ts';
import type { RowSink } from '../row-sink.ts';
import type { BlockResult } from './ndjson-block.ts';
import { stageNdjsonLine } from './ndjson-line.ts';

/** How NDJSON files are read: by this many worker threads (0: this thread), in blocks of this size. */
export interface NdjsonReading {
  workers: number;
  blockBytes: number;
}

export const defaultNdjsonReading: NdjsonReading = {
  workers: Math.min(4, os.availableParallelism()),
  blockBytes: 4 << 20,
};

/**
 * Streams a FHIR NDJSON file (memory stays flat however large the file). A file of several
 * blocks is parsed and mapped by worker threads: JSON parsing and mapping take most of an
 * NDJSON load, and DuckDB is idle meanwhile.
 */
export async function readNdjson(
  filePath: string,
  sink: RowSink,
  reading: NdjsonReading = defaultNdjsonReading,
): Promise<void> {
  if (reading.workers > 0 && fs.statSync(filePath).size >= 4 * reading.blockBytes)
    return readNdjsonParallel(filePath, sink, reading);
  const lines = readline.createInterface({
    input: openContent(filePath).setEncoding('utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  try {
    for await (const text of lines) stageNdjsonLine(text, ++line, sink);
  } catch (error) {
    const damaged = damagedContent(error);
    if (!damaged) throw error;
    sink.reject(line + 1, '(file)', damaged, null);
  }
}

/**
 * Cuts the file into blocks of whole lines, has the workers read them, and stages their rows
 * here in file order (a block's line numbers follow the lines of the blocks before it), so
 * the result is the one `readNdjson` gives on one thread. At most two blocks per worker are
 * in flight.
 */
async function readNdjsonParallel(filePath: string, sink: RowSink, reading: NdjsonReading): Promise<void> {
  const workers = Array.from(
    { length: reading.workers },
    () =>
      new Worker(new URL('../../../platform/workers/worker-bootstrap.mjs', import.meta.url), {
        workerData: { entry: new URL('./ndjson-worker.ts', import.meta.url).href },
      }),
  );
  const done = new Map<number, BlockResult>();
  let sent = 0;
  let staged = 0;
  let linesBefore = 0;
  let failed: Error | null = null;
  let wake: (() => void) | null = null;
  const settle = () => {
    wake?.();
    wake = null;
  };
  for (const worker of workers) {
    worker.on('error', (error) => {
      failed ??= error;
      settle();
    });
    worker.on('exit', (code) => {
      if (staged < sent) failed ??= new Error(`an NDJSON worker stopped (exit ${code}) with blocks unread`);
      settle();
    });
    worker.on('message', (result: BlockResult) => {
      done.set(result.seq, result);
      for (let ready = done.get(staged); ready; ready = done.get(staged)) {
        stageBlock(ready, linesBefore, sink);
        linesBefore += ready.lines;
        done.delete(staged);
        staged++;
      }
      settle();
    });
  }
  const waitUntil = async (ok: () => boolean) => {
    while (!ok()) {
      if (failed) throw failed;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    if (failed) throw failed;
  };
  const send = async (block: Buffer) => {
    await waitUntil(() => sent - staged < workers.length * 2);
    const bytes = new Uint8Array(block);
    workers[sent % workers.length]?.postMessage({ seq: sent, bytes }, [bytes.buffer]);
    sent++;
  };
  try {
    // A decompressing stream gives smaller chunks than asked: gather a block's worth first.
    let gathered: Buffer[] = [];
    let size = 0;
    let damaged: string | null = null;
    try {
      for await (const chunk of openContent(filePath, reading.blockBytes)) {
        gathered.push(chunk as Buffer);
        size += (chunk as Buffer).length;
        if (size < reading.blockBytes) continue;
        const bytes = gathered.length === 1 ? (gathered[0] as Buffer) : Buffer.concat(gathered, size);
        const end = bytes.lastIndexOf(0x0a);
        if (end === -1) {
          gathered = [bytes];
          continue;
        }
        await send(bytes.subarray(0, end + 1));
        gathered = [bytes.subarray(end + 1)];
        size = bytes.length - end - 1;
      }
    } catch (error) {
      damaged = damagedContent(error);
      if (!damaged) throw error;
    }
    const rest = Buffer.concat(gathered, size);
    // After damage the gathered bytes end in a cut line, which is no record: send the whole lines.
    const whole = damaged ? rest.subarray(0, rest.lastIndexOf(0x0a) + 1) : rest;
    if (whole.length > 0) await send(whole);
    await waitUntil(() => staged === sent);
    // Lines after the last whole one never decompressed: the rejection follows the lines read.
    if (damaged) sink.reject(linesBefore + 1, '(file)', damaged, null);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Stages one block's rows and rejections, its line numbers moved after the lines before it. */
function stageBlock(block: BlockResult, linesBefore: number, sink: RowSink): void {
  for (let i = 0; i < block.reads; i++) sink.read();
  for (const [type, count] of Object.entries(block.ignored))
    for (let i = 0; i < count; i++) sink.ignore(type);
  for (const [table, values] of block.rows) {
    const line = (values[0] as number) + linesBefore;
    if (table === 'stg_rejected')
      sink.reject(line, values[1] as string, values[2] as string, values[3] as string | null);
    else sink.stager.addValues(table, [line, ...values.slice(1)]);
  }
}
