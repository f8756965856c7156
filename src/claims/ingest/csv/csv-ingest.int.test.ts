import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DuckDbWarehouse,
  openDuckDbWarehouse,
} from '../../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import { eligibility, fill, medicalLine, toCsv } from '../csv-fixtures.ts';
import { ingestPaths } from '../ingest-paths.ts';

let dir: string;
let wh: DuckDbWarehouse;
const write = (name: string, text: string): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-csv-'));
  wh = await openDuckDbWarehouse(':memory:');
});
afterEach(async () => {
  await wh.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ingesting Tuva CSV', () => {
  it('detects each file by its header and loads eligibility before claims named first', async () => {
    const summary = await ingestPaths(wh, [
      write('rx.csv', toCsv('pharmacy_claim', [fill('R1', 'p1')])),
      write(
        'med.csv',
        toCsv('medical_claim', [
          medicalLine('C1', 1, 'p1'),
          medicalLine('C1', 2, 'p1', { hcpcs_code: 'A0427' }),
        ]),
      ),
      write(
        'elig.csv',
        toCsv(
          'eligibility',
          [
            eligibility('p1'),
            eligibility('p1', {
              enrollment_start_date: '2024-01-01',
              enrollment_end_date: '2024-12-31',
              plan_type: 'HMO',
            }),
          ],
          ['plan_type'],
        ),
      ),
    ]);
    expect(summary.files.map((f) => f.format)).toEqual(['csv-eligibility', 'csv-medical', 'csv-pharmacy']);
    expect(summary.totals).toMatchObject({ members: 1, enrollments: 2, loaded: 2, rejected: 0 });
    expect(await wh.all('select claim_type, claim_date, member_id from medical_claim')).toEqual([
      { claim_type: 'professional', claim_date: '2026-01-20', member_id: 'M-p1' },
    ]);
    expect(
      await wh.all('select line_number, procedure_code, place_of_service from medical_claim_line order by 1'),
    ).toEqual([
      { line_number: 1, procedure_code: '99284', place_of_service: '23' },
      { line_number: 2, procedure_code: 'A0427', place_of_service: '23' },
    ]);
    expect(await wh.all('select position, code, is_principal from medical_claim_dx')).toEqual([
      { position: 1, code: 'T402X1A', is_principal: true },
    ]);
  });

  it('treats a claim id seen again later in the file as an adjustment replacing all its lines', async () => {
    const rows = [
      medicalLine('C1', 1, 'p1'),
      medicalLine('C1', 2, 'p1'),
      medicalLine('C1', 1, 'p1', { paid_date: '2026-03-01', hcpcs_code: '99283' }),
    ];
    await ingestPaths(wh, [
      write('elig.csv', toCsv('eligibility', [eligibility('p1')])),
      write('med.csv', toCsv('medical_claim', rows)),
    ]);
    expect(await wh.all('select version, is_current from medical_claim order by version')).toEqual([
      { version: 1, is_current: false },
      { version: 2, is_current: true },
    ]);
    expect(
      await wh.all('select version, count(*) as lines from medical_claim_line group by version order by 1'),
    ).toEqual([
      { version: 1, lines: 2 },
      { version: 2, lines: 1 },
    ]);
  });

  it('marks claim_status=reversed rows as a reversal of the fill', async () => {
    const summary = await ingestPaths(wh, [
      write('elig.csv', toCsv('eligibility', [eligibility('p1')])),
      write(
        'rx.csv',
        toCsv(
          'pharmacy_claim',
          [
            fill('R1', 'p1'),
            fill('R1', 'p1', { claim_status: 'reversed', quantity: -60, paid_date: '2026-01-20' }),
          ],
          ['claim_status'],
        ),
      ),
    ]);
    expect(summary.totals).toMatchObject({ loaded: 2, reversed: 1, replaced: 1, rejected: 0 });
    expect(
      await wh.all('select version, is_current, is_reversed, quantity from pharmacy_claim order by version'),
    ).toEqual([
      { version: 1, is_current: false, is_reversed: false, quantity: 60 },
      { version: 2, is_current: true, is_reversed: true, quantity: 60 },
    ]);
  });

  it('does not turn the same fill or claim resent in a later file into a new version', async () => {
    await ingestPaths(wh, [
      write('elig.csv', toCsv('eligibility', [eligibility('p1')])),
      write('rx1.csv', toCsv('pharmacy_claim', [fill('R1', 'p1')])),
      write('med1.csv', toCsv('medical_claim', [medicalLine('C1', 1, 'p1'), medicalLine('C1', 2, 'p1')])),
    ]);
    const again = await ingestPaths(wh, [
      write('rx2.csv', toCsv('pharmacy_claim', [fill('R1', 'p1', { paid_date: '2026-04-01' })])),
      write(
        'med2.csv',
        toCsv(
          'medical_claim',
          [1, 2].map((n) => medicalLine('C1', n, 'p1', { paid_date: '2026-04-01' })),
        ),
      ),
    ]);
    expect(again.totals).toMatchObject({ loaded: 0, unchanged: 2 });
    expect(await wh.all('select count(*) as n from pharmacy_claim')).toEqual([{ n: 1 }]);
    expect(await wh.all('select count(*) as n from medical_claim')).toEqual([{ n: 1 }]);
  });
});
