// Starts a TypeScript worker: worker threads do not inherit tsx's loader hooks, so each registers them itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
