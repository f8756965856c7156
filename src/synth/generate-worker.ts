import { parentPort, workerData } from 'node:worker_threads';
import { generateMember, type MemberSettings } from './generate-member.ts';
import { emptyTally, tallyMember } from './population-tally.ts';
import { buildProviderDirectory } from './providers.ts';
import { type MemberFile, type PopulationFormat, renderMember } from './render-member.ts';

/** What the parallel generator tells each worker once. */
export interface WorkerSetup {
  entry: string;
  members: number;
  seed: number;
  windowStart: number;
  asOf: number;
  enrichment: number;
  program: MemberSettings['program'];
  format: PopulationFormat;
}

/** One chunk of members to generate, and what comes back. */
export interface ChunkRequest {
  chunk: number;
  from: number;
  to: number;
}

export interface ChunkResult {
  chunk: number;
  parts: { file: MemberFile; bytes: Uint8Array; lines: number }[];
  tally: ReturnType<typeof emptyTally>;
}

const setup = workerData as WorkerSetup;
const settings: MemberSettings = {
  seed: setup.seed,
  windowStart: setup.windowStart,
  asOf: setup.asOf,
  enrichment: setup.enrichment,
  program: setup.program,
  directory: buildProviderDirectory(setup.members),
};
const encoder = new TextEncoder();

/** UTF-8 of the strings end to end, without first joining them into one string. */
function encode(texts: readonly string[]): Uint8Array {
  let room = 0;
  for (const t of texts) room += t.length * 3;
  const out = new Uint8Array(room);
  let used = 0;
  for (const t of texts) used += encoder.encodeInto(t, out.subarray(used)).written;
  return out.slice(0, used);
}

parentPort?.on('message', ({ chunk, from, to }: ChunkRequest) => {
  const texts = new Map<MemberFile, { parts: string[]; lines: number }>();
  const tally = emptyTally();
  for (let seq = from; seq <= to; seq++) {
    const records = generateMember(seq, settings);
    tallyMember(tally, records);
    renderMember(records, setup.format, (file, text, lines) => {
      let entry = texts.get(file);
      if (!entry) {
        entry = { parts: [], lines: 0 };
        texts.set(file, entry);
      }
      entry.parts.push(text);
      entry.lines += lines;
    });
  }
  const parts = [...texts].map(([file, { parts: p, lines }]) => ({
    file,
    bytes: encode(p),
    lines,
  }));
  const result: ChunkResult = { chunk, parts, tally };
  parentPort?.postMessage(
    result,
    parts.map((p) => p.bytes.buffer as ArrayBuffer),
  );
});
