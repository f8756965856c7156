import path from 'node:path';
import { openDuckDbWarehouse } from '../../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import { type IngestOptions, ingestPaths } from '../ingest-paths.ts';
import { snapshotWarehouse } from '../warehouse-snapshot.ts';

/**
 * Loads files into a fresh in-memory warehouse with these options and returns what two ways
 * of reading must agree on: the warehouse, the rejections, the totals and each file's summary.
 */
export async function loadAndSnapshot(files: string[], options: IngestOptions) {
  const wh = await openDuckDbWarehouse(':memory:');
  try {
    const summary = await ingestPaths(wh, files, {}, options);
    return {
      snapshot: await snapshotWarehouse(wh),
      rejections: await wh.all(
        `select regexp_extract(file_path, '[^/]+$') as file, line, field, reason, raw
         from rejected_row order by file, line`,
      ),
      totals: summary.totals,
      parsers: Object.fromEntries(summary.files.map((f) => [path.basename(f.file), f.parser])),
      files: summary.files.map((f) => ({ rows: f.rowsRead, rejected: f.rejected, ignored: f.ignored })),
    };
  } finally {
    await wh.close();
  }
}
