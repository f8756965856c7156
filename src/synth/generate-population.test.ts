import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalDir } from '../testing/external.ts';
import { eligibilityHeader, medicalClaimHeader, pharmacyClaimHeader } from './csv-writer.ts';
import { generatePopulation, type PopulationSummary } from './generate-population.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const base = { members: 150, asOf: '2026-06-30', badRows: true } as const;

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );
}

const lines = (dir: string, file: string) =>
  fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean);

describe('same seed, same bytes', () => {
  for (const format of ['fhir', 'csv'] as const) {
    it(`writes identical ${format} files for the same seed and different ones for another seed`, () => {
      const a = path.join(root, `same-${format}-a`);
      const b = path.join(root, `same-${format}-b`);
      const c = path.join(root, `same-${format}-c`);
      generatePopulation({ ...base, seed: 11, format, outDir: a });
      generatePopulation({ ...base, seed: 11, format, outDir: b });
      generatePopulation({ ...base, seed: 12, format, outDir: c });
      expect(hashes(a)).toEqual(hashes(b));
      expect(hashes(a)).not.toEqual(hashes(c));
    });
  }
});

describe('CSV files', () => {
  const dir = path.join(root, 'csv');
  let summary: PopulationSummary;
  beforeAll(() => {
    summary = generatePopulation({ ...base, seed: 5, format: 'csv', outDir: dir });
  });

  it('start with exactly the agreed Tuva headers', () => {
    const diagnoses = Array.from({ length: 25 }, (_, i) => `diagnosis_code_${i + 1}`);
    expect(lines(dir, 'eligibility.csv')[0]).toBe(
      'person_id,member_id,gender,birth_date,enrollment_start_date,enrollment_end_date,payer,payer_type,plan,plan_type,first_name,last_name,address,city,state,zip_code,county_fips,phone,data_source',
    );
    expect(lines(dir, 'medical_claim.csv')[0]).toBe(
      [
        'claim_id,claim_line_number,claim_type,person_id,member_id,payer,plan,claim_start_date,claim_end_date',
        'claim_line_start_date,claim_line_end_date,admission_date,discharge_date,admit_type_code,place_of_service_code',
        'bill_type_code,revenue_center_code,service_unit_quantity,hcpcs_code,rendering_npi,billing_npi,paid_date',
        'paid_amount,allowed_amount,charge_amount,coinsurance_amount,copayment_amount,deductible_amount,diagnosis_code_type',
        ...diagnoses,
        'claim_status,data_source',
      ].join(','),
    );
    expect(lines(dir, 'pharmacy_claim.csv')[0]).toBe(
      'claim_id,claim_line_number,person_id,member_id,payer,plan,prescribing_provider_npi,dispensing_provider_npi,dispensing_date,ndc_code,quantity,days_supply,paid_date,paid_amount,allowed_amount,charge_amount,coinsurance_amount,copayment_amount,deductible_amount,claim_status,data_source',
    );
  });

  it('uses only Tuva input-layer column names, plus the three extras ingest reads', () => {
    const tuva = externalDir('tuva-input-layer-schema');
    if (!tuva) return;
    const rows = fs
      .readFileSync(path.join(tuva, 'tuva-claims-input-layer-columns.csv'), 'utf8')
      .split('\n')
      .slice(1);
    const columns = new Set(
      rows.map((r) => r.split(',').slice(0, 3).join(',')).map((r) => `${r.split(',')[0]}.${r.split(',')[2]}`),
    );
    const extras = new Set([
      'eligibility.plan_type',
      'eligibility.county_fips',
      'medical_claim.claim_status',
      'pharmacy_claim.claim_status',
    ]);
    const ours = [
      ...eligibilityHeader.map((c) => `eligibility.${c}`),
      ...medicalClaimHeader.map((c) => `medical_claim.${c}`),
      ...pharmacyClaimHeader.map((c) => `pharmacy_claim.${c}`),
    ];
    expect(ours.filter((c) => !columns.has(c) && !extras.has(c))).toEqual([]);
  });

  it('gives every good row as many fields as the header', () => {
    for (const [file, header] of [
      ['eligibility.csv', eligibilityHeader],
      ['medical_claim.csv', medicalClaimHeader],
      ['pharmacy_claim.csv', pharmacyClaimHeader],
    ] as const) {
      const bad = new Set(summary.badRows.filter((b) => b.file === file).map((b) => b.line));
      lines(dir, file).forEach((line, i) => {
        if (!bad.has(i + 1)) expect(line.split(',').length, `${file}:${i + 1}`).toBe(header.length);
      });
    }
  });

  it('marks reversals with claim_status reversed and sends adjustments as a later copy of the claim id', () => {
    const rows = lines(dir, 'pharmacy_claim.csv')
      .slice(1)
      .map((l) => l.split(','));
    const status = pharmacyClaimHeader.indexOf('claim_status');
    expect(rows.some((r) => r[status] === 'reversed')).toBe(true);
    const firstSeen = new Map<string, number>();
    let repeated = 0;
    rows.forEach((r, i) => {
      const id = r[0] ?? '';
      if (firstSeen.has(id) && id !== '') repeated++;
      else firstSeen.set(id, i);
    });
    expect(repeated).toBeGreaterThan(0);
  });

  it('writes each kind of bad row where the summary says, each wrong in its own way', () => {
    const kinds = summary.badRows.map((b) => b.kind).sort();
    expect(kinds).toEqual(
      [
        'bad-date',
        'bad-date',
        'malformed-csv-row',
        'missing-key',
        'missing-key',
        'negative-quantity',
        'unknown-member',
        'zero-days-supply',
      ].sort(),
    );
    for (const bad of summary.badRows) {
      const line = lines(dir, bad.file)[bad.line - 1] ?? '';
      const header = bad.file === 'eligibility.csv' ? eligibilityHeader : pharmacyClaimHeader;
      const fields = line.split(',');
      const field = (name: string) => fields[(header as readonly string[]).indexOf(name)];
      if (bad.kind === 'malformed-csv-row') expect(fields.length).toBeLessThan(header.length);
      if (bad.kind === 'missing-key')
        expect(field(bad.file === 'eligibility.csv' ? 'member_id' : 'claim_id')).toBe('');
      if (bad.kind === 'bad-date') expect(line).toMatch(/2025-02-30|not-a-date/);
      if (bad.kind === 'negative-quantity') expect(Number(field('quantity'))).toBeLessThan(0);
      if (bad.kind === 'zero-days-supply') expect(field('days_supply')).toBe('0');
      if (bad.kind === 'unknown-member') expect(field('member_id')).toBe('M99999999');
    }
  });

  it('leaves bad rows out unless asked', () => {
    const clean = generatePopulation({
      ...base,
      badRows: false,
      seed: 5,
      format: 'csv',
      outDir: path.join(root, 'clean'),
    });
    expect(clean.badRows).toEqual([]);
    expect(fs.readFileSync(path.join(root, 'clean', 'pharmacy_claim.csv'), 'utf8')).not.toMatch(
      /BAD-|M99999999/,
    );
  });
});

describe('the two formats', () => {
  it('carry the same claims: one EOB per claim version, one CSV claim per EOB', () => {
    const fhirDir = path.join(root, 'agree-fhir');
    const csvDir = path.join(root, 'agree-csv');
    const f = generatePopulation({ ...base, badRows: false, seed: 8, format: 'fhir', outDir: fhirDir });
    const c = generatePopulation({ ...base, badRows: false, seed: 8, format: 'csv', outDir: csvDir });
    expect({ ...f, files: [], elapsedMs: 0, format: '' }).toEqual({
      ...c,
      files: [],
      elapsedMs: 0,
      format: '',
    });
    const eobKeys = lines(fhirDir, 'ExplanationOfBenefit.ndjson').map((l) => {
      const eob = JSON.parse(l) as { id: string; identifier: { value: string }[] };
      return `${eob.identifier[0]?.value}|${eob.id}`;
    });
    const csvVersions = new Set<string>();
    for (const file of ['medical_claim.csv', 'pharmacy_claim.csv']) {
      const seen = new Map<string, number>();
      for (const row of lines(csvDir, file).slice(1)) {
        const [id, line] = row.split(',');
        // A claim id whose line 1 comes again is the next version.
        if (line === '1') seen.set(id ?? '', (seen.get(id ?? '') ?? 0) + 1);
        const version = seen.get(id ?? '') ?? 1;
        csvVersions.add(`${id}|${version === 1 ? id : `${id}-v${version}`}`);
      }
    }
    expect(new Set(eobKeys)).toEqual(csvVersions);
    expect(lines(fhirDir, 'Coverage.ndjson').length).toBe(lines(csvDir, 'eligibility.csv').length - 1);
  });
});
