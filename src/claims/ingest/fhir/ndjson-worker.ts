import { parentPort } from 'node:worker_threads';
import { readNdjsonBlock } from './ndjson-block.ts';

// A worker of `readNdjsonParallel`: parses, checks and maps the blocks it is sent.
parentPort?.on('message', (block: { seq: number; bytes: Uint8Array }) => {
  parentPort?.postMessage(readNdjsonBlock(block.seq, block.bytes));
});
