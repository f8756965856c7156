/** What other domains and the composition layer use of claims. */
export { addDatasetNote, readDatasetNotes, syntheticDataNote } from './dataset-notes.ts';
export { ingestPaths } from './ingest/ingest-paths.ts';
export type { FileSummary, IngestListener, IngestSummary } from './ingest/ingest-types.ts';
export { listRejections, writeRejections } from './ingest/rejections.ts';
export { ensureWarehouseSchema } from './warehouse-schema.ts';
