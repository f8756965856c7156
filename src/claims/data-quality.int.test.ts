import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDuckDbWarehouse } from '../platform/warehouse/duckdb/duckdb-warehouse.ts';
import { formatDataQuality, summarizeDataQuality } from './data-quality.ts';
import { patient, pharmacyEob, professionalEob, toNdjson } from './ingest/fhir-fixtures.ts';
import { ingestPaths } from './ingest/ingest-paths.ts';

describe('the data-quality summary', () => {
  it('counts tables, spans dates and groups rejections by reason without member ids', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dq-'));
    const file = path.join(dir, 'all.ndjson');
    fs.writeFileSync(
      file,
      toNdjson([
        patient('p1'),
        pharmacyEob('a', 'p1'),
        professionalEob('b', 'p1'),
        pharmacyEob('c', 'secret-1'),
        pharmacyEob('d', 'secret-2'),
      ]),
    );
    const wh = await openDuckDbWarehouse(':memory:');
    try {
      await ingestPaths(wh, [file]);
      const report = await summarizeDataQuality(wh);
      expect(report.counts).toMatchObject({
        members: 1,
        medical_claims: 1,
        pharmacy_claims: 1,
        rejected_rows: 2,
        duplicate_claim_versions: 0,
      });
      expect(report.dateRanges[1]).toEqual({
        what: 'pharmacy fill date',
        from: '2026-01-05',
        to: '2026-01-05',
      });
      expect(report.rejectedByReason).toEqual([{ field: 'patient', reason: 'unknown member', rows: 2 }]);
      expect(formatDataQuality(report).join('\n')).not.toMatch(/secret/);
      await wh.run(`insert into pharmacy_claim select * from pharmacy_claim`);
      expect((await summarizeDataQuality(wh)).counts.duplicate_claim_versions).toBe(1);
    } finally {
      await wh.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
