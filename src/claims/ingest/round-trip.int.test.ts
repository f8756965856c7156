import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Row } from '../../platform/warehouse/warehouse.ts';
import { generatePopulation, type PopulationSummary } from '../../synth/generate-population.ts';
import { ingestPaths } from './ingest-paths.ts';

let dir: string;
const generated: Record<string, PopulationSummary> = {};
const loaded: Record<
  string,
  { counts: Record<string, unknown>; content: Record<string, Row[]>; rejected: string[] }
> = {};

// Member shares: the generator leaves zero copay / deductible / coinsurance out of FHIR totals and writes 0 in CSV.
const share = (column: string): string => `coalesce(${column}, 0) as ${column}`;
const contentSql: Record<string, string> = {
  member: 'select * exclude (batch_id) from member order by member_id',
  enrollment: 'select * exclude (batch_id) from enrollment order by all',
  medical_claim: `select * exclude (batch_id, version, source_updated, content_hash, copay_amount, deductible_amount, coinsurance_amount),
    ${share('copay_amount')}, ${share('deductible_amount')}, ${share('coinsurance_amount')} from medical_claim where is_current order by all`,
  medical_claim_line: `select l.* exclude (version) from medical_claim_line l
    join medical_claim c using (claim_id, version) where c.is_current order by all`,
  medical_claim_dx: `select d.* exclude (version) from medical_claim_dx d
    join medical_claim c using (claim_id, version) where c.is_current order by all`,
  pharmacy_claim: `select * exclude (batch_id, version, source_updated, content_hash, copay_amount, deductible_amount, coinsurance_amount),
    ${share('copay_amount')}, ${share('deductible_amount')}, ${share('coinsurance_amount')} from pharmacy_claim where is_current order by all`,
};

const countsSql = `select
  (select count(*) from member) as members,
  (select count(*) from enrollment) as enrollment_spans,
  (select count(*) from medical_claim where is_current) as current_medical_claims,
  (select count(*) from medical_claim where is_current and is_reversed) as reversed_medical_claims,
  (select count(*) from medical_claim_line l join medical_claim c using (claim_id, version) where c.is_current) as current_lines,
  (select count(*) from medical_claim_dx d join medical_claim c using (claim_id, version) where c.is_current) as current_diagnoses,
  (select count(*) from pharmacy_claim where is_current) as current_fills,
  (select count(*) from pharmacy_claim where is_current and is_reversed) as reversed_fills,
  (select count(*) from medical_claim) + (select count(*) from pharmacy_claim) as claim_versions,
  (select round(sum(paid_amount), 2)::varchar || ' / ' || round(sum(allowed_amount), 2)::varchar || ' / ' ||
     round(sum(copay_amount), 2)::varchar from pharmacy_claim where is_current) as fill_paid_allowed_copay,
  (select round(sum(paid_amount), 2)::varchar || ' / ' || round(sum(allowed_amount), 2)::varchar
     from medical_claim where is_current) as medical_paid_allowed`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-round-trip-'));
  for (const format of ['fhir', 'csv'] as const) {
    const outDir = path.join(dir, format);
    generated[format] = generatePopulation({
      members: 150,
      seed: 11,
      outDir,
      format,
      asOf: '2026-06-30',
      badRows: true,
    });
    const wh = await openDuckDbWarehouse(':memory:');
    try {
      await ingestPaths(wh, [outDir]);
      const [counts] = await wh.all(countsSql);
      const rejected = await wh.all<{ file_path: string; line: number }>(
        'select file_path, line from rejected_row',
      );
      const content: Record<string, Row[]> = {};
      for (const [table, sql] of Object.entries(contentSql)) content[table] = await wh.all(sql);
      loaded[format] = {
        counts: counts ?? {},
        content,
        rejected: rejected.map((r) => `${path.basename(r.file_path)}:${r.line}`).sort(),
      };
    } finally {
      await wh.close();
    }
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('generate → ingest round trip', () => {
  it('loads the FHIR and the CSV rendering of one population to the same warehouse counts', () => {
    expect(loaded.fhir!.counts).toEqual(loaded.csv!.counts);
    const summary = generated.csv!;
    expect(loaded.csv!.counts).toMatchObject({
      members: summary.members,
      enrollment_spans: summary.enrollmentSpans,
      claim_versions: summary.medicalClaims + summary.pharmacyClaims,
    });
  });

  it('holds the same members, enrollment and current claims, field by field, from either format', () => {
    for (const table of Object.keys(contentSql))
      expect(loaded.fhir!.content[table], table).toEqual(loaded.csv!.content[table]);
  });

  it('rejects exactly the rows the generator spoiled on purpose, in both formats', () => {
    for (const format of ['fhir', 'csv'] as const) {
      const expected = generated[format]!.badRows.map((b) => `${path.basename(b.file)}:${b.line}`).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(loaded[format]!.rejected).toEqual(expected);
    }
  });
});
