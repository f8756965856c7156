import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DuckDbWarehouse,
  openDuckDbWarehouse,
} from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import { eligibility, fill, medicalLine, toCsv } from './csv-fixtures.ts';
import { patient, pharmacyEob, professionalEob, toNdjson } from './fhir-fixtures.ts';
import { ingestPaths } from './ingest-paths.ts';
import { listRejections } from './rejections.ts';

let dir: string;
let wh: DuckDbWarehouse;
const write = (name: string, text: string | Buffer): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

/** Ingests the files and returns the rejections as [file name, line, field, reason]. */
async function rejectionsOf(files: string[]): Promise<Array<[string, number, string, string]>> {
  const summary = await ingestPaths(wh, files);
  const ids = summary.files.flatMap((f) => (f.batchId ? [f.batchId] : []));
  return (await listRejections(wh, ids)).map((r) => [path.basename(r.file), r.line, r.field, r.reason]);
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-bad-'));
  wh = await openDuckDbWarehouse(':memory:');
});
afterEach(async () => {
  await wh.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('rejecting bad FHIR input row by row while good rows load', () => {
  it('rejects malformed JSON, unknown resource types, missing keys, bad dates, negative quantities, zero days supply and unknown members', async () => {
    const lines = [
      JSON.stringify(patient('p1')),
      '{"resourceType": "ExplanationOfBenefit", "id": ',
      JSON.stringify({ resourceType: 'MedicationRequest', id: 'm1' }),
      JSON.stringify(pharmacyEob('no-patient', 'p1', { patient: undefined })),
      JSON.stringify(professionalEob('bad-date', 'p1', { billablePeriod: { start: 'yesterday' }, item: [] })),
      JSON.stringify(
        pharmacyEob('negative', 'p1', {
          item: [
            {
              servicedDate: '2026-01-05',
              productOrService: { coding: [{ code: '00406051201' }] },
              quantity: { value: -1 },
            },
          ],
        }),
      ),
      JSON.stringify(
        pharmacyEob('zero-days', 'p1', {
          supportingInfo: [{ category: { coding: [{ code: 'dayssupply' }] }, valueQuantity: { value: 0 } }],
        }),
      ),
      JSON.stringify(pharmacyEob('stranger', 'p404')),
      JSON.stringify(pharmacyEob('good', 'p1')),
    ];
    const rejections = await rejectionsOf([write('mixed.ndjson', `${lines.join('\n')}\n`)]);
    expect(rejections).toEqual([
      ['mixed.ndjson', 2, '(line)', expect.stringMatching(/^malformed JSON/)],
      ['mixed.ndjson', 3, 'resourceType', 'unsupported resource type "MedicationRequest"'],
      ['mixed.ndjson', 4, 'patient', 'missing'],
      ['mixed.ndjson', 5, 'billablePeriod.start', 'unparseable date "yesterday"'],
      ['mixed.ndjson', 6, 'item[0].quantity', 'quantity must be positive, got -1'],
      ['mixed.ndjson', 7, 'supportingInfo.dayssupply', 'days supply must be a whole number ≥ 1, got 0'],
      ['mixed.ndjson', 8, 'patient', 'unknown member p404'],
    ]);
    expect(await wh.all('select claim_id from pharmacy_claim')).toEqual([{ claim_id: 'RX-good' }]);
    expect(await wh.all('select raw from rejected_row where line = 3')).toEqual([
      { raw: '{"resourceType":"MedicationRequest","id":"m1"}' },
    ]);
  });
});

describe('rejecting bad CSV input', () => {
  it('rejects missing keys, unparseable dates, negative quantities, zero days supply, unknown members and short rows', async () => {
    const rows = [
      fill('R1', 'p1'),
      fill('', 'p1'),
      fill('R3', 'p1', { dispensing_date: '2026-13-01' }),
      fill('R4', 'p1', { quantity: -30 }),
      fill('R5', 'p1', { days_supply: 0 }),
      fill('R6', 'nobody'),
    ];
    const text = `${toCsv('pharmacy_claim', rows)}R7,1,p1\n`;
    const rejections = await rejectionsOf([
      write(
        'elig.csv',
        toCsv('eligibility', [eligibility('p1'), eligibility('p2', { birth_date: '05/01/1970' })]),
      ),
      write('rx.csv', text),
    ]);
    expect(rejections).toEqual([
      ['elig.csv', 3, 'birth_date', 'unparseable date "05/01/1970"'],
      ['rx.csv', 3, 'claim_id', 'missing'],
      ['rx.csv', 4, 'dispensing_date', 'no such date 2026-13-01'],
      ['rx.csv', 5, 'quantity', 'quantity must be positive, got -30'],
      ['rx.csv', 6, 'days_supply', 'days supply must be a whole number ≥ 1, got 0'],
      ['rx.csv', 7, 'person_id', 'unknown member nobody'],
      ['rx.csv', 8, '(line)', 'expected 10 columns, got 3'],
    ]);
    expect(await wh.all('select claim_id from pharmacy_claim')).toEqual([{ claim_id: 'R1' }]);
  });

  it('rejects a medical claim line with an unknown claim type and loads the other claims', async () => {
    const rejections = await rejectionsOf([
      write('elig.csv', toCsv('eligibility', [eligibility('p1')])),
      write(
        'med.csv',
        toCsv('medical_claim', [
          medicalLine('C1', 1, 'p1', { claim_type: 'dental' }),
          medicalLine('C2', 1, 'p1'),
        ]),
      ),
    ]);
    expect(rejections).toEqual([
      ['med.csv', 2, 'claim_type', 'expected professional or institutional, got "dental"'],
    ]);
    expect(await wh.all('select claim_id from medical_claim')).toEqual([{ claim_id: 'C2' }]);
  });
});

describe('rejecting whole files that cannot be read', () => {
  it('rejects a CSV with a wrong header, an unknown CSV, an empty file, binary, a broken gzip and a ZIP file, and loads the rest', async () => {
    const rejections = await rejectionsOf([
      write('wrong-header.csv', 'claim_id,person_id,ndc_code,quantity\nR1,p1,00406051201,30\n'),
      write('unknown.csv', 'a,b,c\n1,2,3\n'),
      write('empty.ndjson', ''),
      write('binary.dat', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xff, 0xfe])),
      write(
        'claims.csv.gz',
        Buffer.concat([gzipSync('person_id,member_id\n').subarray(0, 3), Buffer.from([7, 7, 7, 7])]),
      ),
      write('export.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00])),
      write('ok.ndjson', toNdjson([patient('p1')])),
    ]);
    expect(rejections).toEqual([
      ['binary.dat', 0, '(file)', 'binary file: not UTF-8 text'],
      ['claims.csv.gz', 0, '(file)', expect.stringMatching(/^gzip file that cannot be decompressed: /)],
      ['empty.ndjson', 0, '(file)', 'empty file'],
      ['export.zip', 0, '(file)', 'ZIP archive: extract it first, then load the files inside'],
      ['unknown.csv', 0, '(header)', expect.stringMatching(/no known CSV header/)],
      [
        'wrong-header.csv',
        0,
        'claim_line_number;prescribing_provider_npi;dispensing_provider_npi;dispensing_date;days_supply;paid_date',
        expect.stringMatching(/^pharmacy_claim CSV header lacks claim_line_number/),
      ],
    ]);
    expect(await wh.all('select count(*) as n from member')).toEqual([{ n: 1 }]);
  });
});
