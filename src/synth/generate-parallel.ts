import { Worker } from 'node:worker_threads';
import { type PopulationOptions, type PopulationSummary, startPopulation } from './generate-population.ts';
import type { ChunkRequest, ChunkResult, WorkerSetup } from './generate-worker.ts';
import { addTally } from './population-tally.ts';

/**
 * Generates the same bytes as `generatePopulation`, with members generated and
 * encoded by worker threads in chunks and written in member order by this
 * thread. At most two chunks per worker are held at once, so memory stays flat.
 */
export async function generatePopulationParallel(
  options: PopulationOptions,
  workerCount: number,
  /** Members per chunk a worker generates at a time: about 10 MB of output in either format. */
  chunkSize = options.format === 'csv' ? 1_000 : 200,
): Promise<PopulationSummary> {
  const run = startPopulation(options);
  const chunks: ChunkRequest[] = [];
  for (let from = run.nextMember, i = 0; from <= options.members; from += chunkSize, i++) {
    chunks.push({ chunk: i, from, to: Math.min(options.members, from + chunkSize - 1) });
  }
  if (chunks.length === 0) return run.finish();
  const setup: WorkerSetup = {
    entry: new URL('./generate-worker.ts', import.meta.url).href,
    members: options.members,
    seed: options.seed,
    windowStart: run.settings.windowStart,
    asOf: run.settings.asOf,
    enrichment: run.settings.enrichment,
    program: run.settings.program,
    format: run.format,
  };
  const workers = Array.from(
    { length: Math.max(1, Math.min(workerCount, chunks.length)) },
    () =>
      new Worker(new URL('../platform/workers/worker-bootstrap.mjs', import.meta.url), { workerData: setup }),
  );
  const done = new Map<number, ChunkResult>();
  let nextToAssign = 0;
  let nextToWrite = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const assign = (worker: Worker) => {
        if (nextToAssign < chunks.length && nextToAssign - nextToWrite < workers.length * 2) {
          worker.postMessage(chunks[nextToAssign]);
          nextToAssign++;
          return true;
        }
        return false;
      };
      const idle: Worker[] = [];
      for (const worker of workers) {
        worker.on('error', reject);
        worker.on('message', (result: ChunkResult) => {
          done.set(result.chunk, result);
          for (let ready = done.get(nextToWrite); ready; ready = done.get(nextToWrite)) {
            for (const part of ready.parts) run.sinks.get(part.file)?.writeBytes(part.bytes, part.lines);
            addTally(run.tally, ready.tally);
            done.delete(nextToWrite);
            options.onProgress?.(chunks[nextToWrite]?.to ?? options.members);
            nextToWrite++;
          }
          if (nextToWrite === chunks.length) resolve();
          if (!assign(worker)) idle.push(worker);
          while (idle.length > 0 && assign(idle[0] as Worker)) idle.shift();
        });
        if (!assign(worker)) idle.push(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return run.finish();
}
