import { describe, expect, it } from 'vitest';
import { openDuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import { externalDir } from '../../testing/external.ts';
import { ingestPaths } from './ingest-paths.ts';

const synthea = externalDir('synthea-sample-andrew-nguyen');

describe.skipIf(!synthea)('the Synthea sample', () => {
  it('loads its patient and 113 institutional EOBs, ignoring the clinical resources', async () => {
    const wh = await openDuckDbWarehouse(':memory:');
    try {
      const summary = await ingestPaths(wh, [`${synthea}/fhir`]);
      expect(summary.files[0]).toMatchObject({
        format: 'fhir-bundle',
        status: 'loaded',
        members: 1,
        loaded: 113,
        rejected: 0,
        ignored: expect.objectContaining({
          Encounter: 113,
          Claim: 147,
          MedicationRequest: 34,
          Condition: 33,
        }),
      });
      expect(await wh.all('select state, zip, birth_date from member')).toEqual([
        { state: 'CA', zip: '92123', birth_date: '1990-07-09' },
      ]);
      // Synthea codes items in SNOMED and points diagnoses at Conditions: no CPT, no ICD-10-CM to read.
      expect(
        await wh.all(`select count(*) as claims, count(billing_npi) as with_npi, min(claim_date) as first,
          max(claim_date) as last from medical_claim where claim_type = 'institutional'`),
      ).toEqual([{ claims: 113, with_npi: 113, first: '2003-08-04', last: '2022-02-01' }]);
      expect(
        await wh.all(`select count(*) as lines, count(procedure_code) as coded,
          (select count(*) from medical_claim_dx) as diagnoses from medical_claim_line`),
      ).toEqual([{ lines: 421, coded: 0, diagnoses: 0 }]);
    } finally {
      await wh.close();
    }
  });

  it('rejects each file of its CSV export as a whole, naming it as Synthea’s, and loads nothing', async () => {
    const wh = await openDuckDbWarehouse(':memory:');
    try {
      const summary = await ingestPaths(wh, [`${synthea}/csv`]);
      expect(summary.files.length).toBeGreaterThanOrEqual(15);
      for (const file of summary.files)
        expect(file, file.file).toMatchObject({ status: 'rejected', loaded: 0, rejected: 1 });
      const rejected = await wh.all<{ line: number; field: string; reason: string }>(
        'select line, field, reason from rejected_row',
      );
      expect(rejected).toHaveLength(summary.files.length);
      for (const row of rejected)
        expect(row).toMatchObject({
          line: 0,
          field: '(header)',
          reason: expect.stringMatching(/^a Synthea CSV export/),
        });
      expect(await wh.all('select count(*) as n from member')).toEqual([{ n: 0 }]);
    } finally {
      await wh.close();
    }
  });
});
