import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePopulation } from '../../../synth/generate-population.ts';
import { eligibility, fill, medicalLine, toCsv } from '../csv-fixtures.ts';
import { loadAndSnapshot } from '../testing/load-snapshot.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-readers-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Loads the files with one CSV reader. */
const loadWith = (reader: 'duckdb' | 'js', files: string[]) => loadAndSnapshot(files, { csvReader: reader });

const nasty = {
  eligibility: [
    eligibility('p1'),
    eligibility('p2', { gender: 'FEMALE', payer_type: 'Medicaid', plan: ' PLAN-B ' }),
    eligibility('p3', { member_id: '' }),
    eligibility('p4', { person_id: '   ' }),
    eligibility('p5', { birth_date: '05/01/1970' }),
    eligibility('p6', { enrollment_start_date: '' }),
    eligibility('p7', { enrollment_end_date: '2026-02-30' }),
    eligibility('p8', { payer_type: 'exchange', birth_date: '1970-05-01T00:00:00Z' }),
  ],
  medical: [
    medicalLine('C1', 1, 'p1'),
    medicalLine('C1', 2, 'p1', {
      place_of_service_code: '5',
      hcpcs_code: 'j2315',
      diagnosis_code_1: ' f11.20 ',
    }),
    // Diagnosis cells that trim differently once their dots go, and codes after empty cells.
    medicalLine('C1b', 1, 'p1', {
      diagnosis_code_1: '. f11.20',
      diagnosis_code_2: 'z79 .891.',
      diagnosis_code_4: 'f 11.9',
      diagnosis_code_25: 'T40.1X1A',
    }),
    medicalLine('C2', 1, 'p1', { claim_type: 'Dental' }),
    medicalLine('C3', 0, 'p1'),
    medicalLine('C4', 1, 'p1', { claim_line_number: '1.5' }),
    medicalLine('C5', 1, 'p1', { claim_line_number: 'one' }),
    medicalLine('C6', 1, 'p1', { service_unit_quantity: '-2.5' }),
    medicalLine('C7', 1, 'p1', { service_unit_quantity: '0x10' }),
    medicalLine('C8', 1, 'p1', { diagnosis_code_type: 'ICD-9-CM' }),
    medicalLine('C9', 1, 'p1', { claim_start_date: 'yesterday' }),
    medicalLine('C10', 1, 'p1', { claim_line_start_date: '2026-02-30', claim_start_date: '' }),
    medicalLine('C11', 1, 'p1', { claim_line_start_date: '', claim_start_date: '' }),
    medicalLine('', 1, 'p1'),
    medicalLine('C12', 1, ''),
    medicalLine('C13', 1, 'p1', { claim_end_date: '2026-1-20' }),
    medicalLine('C14', 1, 'p1', { paid_date: '2026-13-01' }),
    medicalLine('C15', 1, 'p1', { paid_amount: '$5' }),
    medicalLine('C16', 1, 'p1', { allowed_amount: '1e999' }),
    medicalLine('C17', 1, 'p1', { deductible_amount: 'Infinity', copayment_amount: '"quoted"' }),
    medicalLine('C18', 1, 'p2', {
      copayment_amount: '1,000',
      revenue_center_code: '450',
      claim_type: 'institutional',
    }),
    medicalLine('C19', 1, 'p2', {
      coinsurance_amount: ' .5 ',
      claim_status: 'REVERSED',
      service_unit_quantity: '-0',
    }),
    medicalLine('C20', 1, 'nobody'),
  ],
  pharmacy: [
    fill('R1', 'p1'),
    fill('R2', 'p1', { quantity: '' }),
    fill('R3', 'p1', { quantity: 'sixty' }),
    fill('R4', 'p1', { quantity: 0 }),
    fill('R5', 'p1', { quantity: -5 }),
    fill('R1', 'p1', { quantity: -60, claim_status: 'reversed', paid_date: '2026-01-20' }),
    fill('R6', 'p1', { days_supply: 0 }),
    fill('R7', 'p1', { days_supply: '2.5' }),
    fill('R8', 'p1', { days_supply: '' }),
    fill('', 'p1'),
    fill('R9', ''),
    fill('R10', 'p1', { dispensing_date: '' }),
    fill('R11', 'p1', { dispensing_date: '2025-02-29' }),
    fill('R12', 'p1', { ndc_code: '' }),
    fill('R13', 'p1', { ndc_code: '1234' }),
    fill('R14', 'p1', { ndc_code: '00406-0512-01', paid_amount: '+12.50' }),
    fill('R15', 'p1', { allowed_amount: 'n/a' }),
    fill('R16', 'p1', { paid_date: 'soon' }),
    fill('R17', 'p2', { paid_date: '', prescribing_provider_npi: '' }),
    fill('R18', 'nobody'),
  ],
};

describe('the two CSV readers', () => {
  it('give the same warehouse and the same rejections, field by field, on rows that fail every check', async () => {
    const dir = path.join(root, 'nasty');
    fs.mkdirSync(dir);
    const extras = ['plan_type', 'first_name'];
    const medicalExtras = ['service_unit_quantity', 'paid_amount', 'allowed_amount', 'deductible_amount'];
    const files = {
      'elig.csv': toCsv('eligibility', nasty.eligibility, extras),
      'med.csv': toCsv('medical_claim', nasty.medical, [
        ...medicalExtras,
        'copayment_amount',
        'coinsurance_amount',
        'claim_status',
        'diagnosis_code_2',
        'diagnosis_code_4',
        'diagnosis_code_25',
      ]),
      'rx.csv': toCsv('pharmacy_claim', nasty.pharmacy, ['paid_amount', 'allowed_amount', 'claim_status']),
    };
    const paths = Object.entries(files).map(([name, text]) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    });
    const fast = await loadWith('duckdb', paths);
    const slow = await loadWith('js', paths);
    expect(fast.parsers).toEqual({ 'elig.csv': 'duckdb', 'med.csv': 'duckdb', 'rx.csv': 'duckdb' });
    expect(slow.parsers).toEqual({ 'elig.csv': 'js', 'med.csv': 'js', 'rx.csv': 'js' });
    expect(fast.rejections).toEqual(slow.rejections);
    expect(fast.snapshot).toEqual(slow.snapshot);
    expect(fast.totals).toEqual(slow.totals);
    // Every crafted bad row is rejected: 5 eligibility, 18 + 1 unknown member medical, 15 + 1 pharmacy.
    expect(fast.rejections.length).toBe(5 + 19 + 16);
    expect(fast.snapshot.medical_claim?.map((c) => c.claim_id)).toEqual(['C1', 'C19', 'C1b']);
    const codes = fast.snapshot.medical_claim_dx?.filter((d) => d.claim_id === 'C1b');
    expect(codes?.map((d) => [d.position, d.code])).toEqual([
      [1, 'F1120'],
      [2, 'Z79 891'],
      [4, 'F 119'],
      [25, 'T401X1A'],
    ]);
  });

  it('give the same warehouse for a generated population with bad rows, DuckDB parsing what it can', async () => {
    const dir = path.join(root, 'generated');
    generatePopulation({
      members: 150,
      seed: 7,
      outDir: dir,
      format: 'csv',
      asOf: '2026-06-30',
      badRows: true,
    });
    const paths = fs.readdirSync(dir).map((f) => path.join(dir, f));
    const fast = await loadWith('duckdb', paths);
    const slow = await loadWith('js', paths);
    expect(fast.rejections).toEqual(slow.rejections);
    expect(fast.snapshot).toEqual(slow.snapshot);
    expect(fast.totals).toEqual(slow.totals);
    expect(fast.totals.rejected).toBeGreaterThan(0);
  });

  it('leave files DuckDB cannot read line for line to the JS reader, which names the bad lines', async () => {
    const dir = path.join(root, 'odd');
    fs.mkdirSync(dir);
    const elig = toCsv('eligibility', [eligibility('p1')]);
    const rx = toCsv('pharmacy_claim', [fill('R1', 'p1'), fill('R2', 'p1')]).split('\n');
    const cases = {
      'ragged.csv': [...rx.slice(0, 2), '1,2,3', ...rx.slice(2)].join('\n'),
      'blank-line.csv': [...rx.slice(0, 2), '', ...rx.slice(2)].join('\n'),
      'quoted-newline.csv': toCsv('pharmacy_claim', [fill('R3', 'p1', { claim_id: 'R\n3' })]),
      'crlf.csv': rx.join('\r\n'),
      'bom.csv': `\uFEFF${toCsv('pharmacy_claim', [fill('R4', 'p1'), fill('R5', 'p1', { quantity: '\t60' })])}`,
    };
    for (const [name, text] of Object.entries({ 'elig.csv': elig, ...cases }))
      fs.writeFileSync(path.join(dir, name), text);
    const paths = ['elig.csv', ...Object.keys(cases)].map((f) => path.join(dir, f));
    const fast = await loadWith('duckdb', paths);
    const slow = await loadWith('js', paths);
    expect(fast.parsers).toMatchObject({
      'ragged.csv': 'js',
      'blank-line.csv': 'js',
      'quoted-newline.csv': 'js',
      'crlf.csv': 'duckdb',
      'bom.csv': 'duckdb',
    });
    expect(fast.rejections).toEqual(slow.rejections);
    expect(fast.rejections).toEqual([
      expect.objectContaining({
        file: 'bom.csv',
        line: 3,
        field: 'quantity',
        reason: 'not a number: "\\t60"',
      }),
      expect.objectContaining({ file: 'ragged.csv', line: 3, field: '(line)' }),
    ]);
    expect(fast.snapshot).toEqual(slow.snapshot);
  });
});
