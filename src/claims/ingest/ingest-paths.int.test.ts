import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DuckDbWarehouse,
  openDuckDbWarehouse,
} from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import { ensureReferenceSchema } from '../../reference/reference-schema.ts';
import { labelSensitiveClaims } from '../part2-labels.ts';
import {
  coverage,
  institutionalEob,
  patient,
  pharmacyEob,
  practitioner,
  professionalEob,
  toNdjson,
} from './fhir-fixtures.ts';
import { ingestPaths } from './ingest-paths.ts';

let dir: string;
let wh: DuckDbWarehouse;
const write = (name: string, text: string): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const people = (): string =>
  write('people.ndjson', toNdjson([patient('p1'), coverage('c1', 'p1'), practitioner('doc1', '1234567893')]));

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-'));
  wh = await openDuckDbWarehouse(':memory:');
});
afterEach(async () => {
  await wh.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ingesting FHIR NDJSON', () => {
  it('loads members, enrollment, providers and claims, resolving references to member ids and NPIs', async () => {
    const claims = write(
      'claims.ndjson',
      toNdjson([pharmacyEob('e1', 'p1'), institutionalEob('e2', 'p1', 'inpatient')]),
    );
    const summary = await ingestPaths(wh, [claims, people()]);
    expect(summary.totals).toMatchObject({
      members: 1,
      enrollments: 1,
      providers: 1,
      loaded: 2,
      rejected: 0,
    });
    expect(await wh.all('select member_id, prescriber_npi, pharmacy_npi from pharmacy_claim')).toEqual([
      { member_id: 'M-p1', prescriber_npi: '1234567893', pharmacy_npi: '1111111111' },
    ]);
    expect(await wh.all('select count(*) as lines from medical_claim_line')).toEqual([{ lines: 2 }]);
  });

  it('skips a file whose content was loaded before and says so, changing nothing', async () => {
    const files = [people(), write('claims.ndjson', toNdjson([pharmacyEob('e1', 'p1')]))];
    await ingestPaths(wh, files);
    const copy = write('copy.ndjson', fs.readFileSync(files[1]!, 'utf8'));
    const again = await ingestPaths(wh, [...files, copy]);
    expect(again.files.map((f) => f.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(await wh.all('select count(*) as n from pharmacy_claim')).toEqual([{ n: 1 }]);
    expect(await wh.all('select count(*) as n from load_batch')).toEqual([{ n: 2 }]);
  });

  it('keeps every version of an adjusted claim and makes the latest by its own timestamp current', async () => {
    const later = pharmacyEob('e1', 'p1', {
      meta: { lastUpdated: '2026-02-01T00:00:00Z' },
      item: [
        {
          sequence: 1,
          servicedDate: '2026-01-05',
          productOrService: { coding: [{ code: '00406051201' }] },
          quantity: { value: 30 },
        },
      ],
    });
    // The adjustment arrives first; the original (older timestamp) second: the adjustment stays current.
    const summary = await ingestPaths(wh, [people(), write('a.ndjson', toNdjson([later]))]);
    expect(summary.totals.loaded).toBe(1);
    const second = await ingestPaths(wh, [write('b.ndjson', toNdjson([pharmacyEob('e1', 'p1')]))]);
    expect(second.totals).toMatchObject({ loaded: 1, replaced: 1 });
    expect(await wh.all('select version, quantity, is_current from pharmacy_claim order by version')).toEqual(
      [
        { version: 1, quantity: 30, is_current: true },
        { version: 2, quantity: 60, is_current: false },
      ],
    );
  });

  it('marks a reversal current and reversed, keeping the original version', async () => {
    const reversal = professionalEob('e9', 'p1', {
      status: 'cancelled',
      meta: { lastUpdated: '2026-03-01T00:00:00Z' },
    });
    const summary = await ingestPaths(wh, [
      people(),
      write('claims.ndjson', toNdjson([professionalEob('e9', 'p1'), reversal])),
    ]);
    expect(summary.totals).toMatchObject({ loaded: 2, replaced: 1, reversed: 1 });
    expect(
      await wh.all('select version, is_current, is_reversed from medical_claim order by version'),
    ).toEqual([
      { version: 1, is_current: false, is_reversed: false },
      { version: 2, is_current: true, is_reversed: true },
    ]);
  });

  it('does not make an identical resend in another file a new version', async () => {
    await ingestPaths(wh, [people(), write('a.ndjson', toNdjson([professionalEob('e1', 'p1')]))]);
    const resend = professionalEob('e1', 'p1', { meta: { lastUpdated: '2026-05-01T00:00:00Z' } });
    const summary = await ingestPaths(wh, [
      write('b.ndjson', toNdjson([resend, practitioner('doc1', '1234567893')])),
    ]);
    expect(summary.totals).toMatchObject({ loaded: 0, unchanged: 1 });
    expect(await wh.all('select count(*) as n from medical_claim')).toEqual([{ n: 1 }]);
  });

  it('loads a file that mixes resource types, members after their claims', async () => {
    const mixed = write(
      'mixed.ndjson',
      toNdjson([
        pharmacyEob('e1', 'p2'),
        practitioner('doc1', '1234567893'),
        patient('p2'),
        coverage('c2', 'p2'),
      ]),
    );
    const summary = await ingestPaths(wh, [mixed]);
    expect(summary.totals).toMatchObject({ members: 1, enrollments: 1, loaded: 1, rejected: 0 });
  });

  it('loads a transaction Bundle and ignores the clinical resources Checkpoint does not read', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:p3', resource: patient('p3') },
        { resource: { resourceType: 'Encounter', id: 'enc1' } },
        { resource: professionalEob('e1', 'p3', { patient: { reference: 'urn:uuid:p3' } }) },
      ],
    };
    const summary = await ingestPaths(wh, [write('bundle.json', JSON.stringify(bundle, null, 2))]);
    expect(summary.files[0]).toMatchObject({
      format: 'fhir-bundle',
      members: 1,
      loaded: 1,
      ignored: { Encounter: 1 },
    });
  });
});

describe('claims as other payers export them', () => {
  it('loads CARIN BB STU1 facility claims, counts oral claims and the payer as not used, and rejects none', async () => {
    const stu1 = (code: string) => ({
      coding: [{ system: 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimType', code }],
    });
    const { subType: _inpatient, ...facility } = institutionalEob('f1', 'p1', 'inpatient');
    const oral = { ...professionalEob('d1', 'p1'), type: stu1('oral') };
    const payer = { resourceType: 'Organization', id: 'plan', name: 'The plan' };
    const claims = write(
      'stu1.ndjson',
      toNdjson([{ ...facility, type: stu1('inpatient-facility') }, oral, payer]),
    );
    const summary = await ingestPaths(wh, [people(), claims]);
    expect(summary.files[1]).toMatchObject({
      loaded: 1,
      rejected: 0,
      ignored: {
        'ExplanationOfBenefit (oral: not used by the rules)': 1,
        'Organization (payer, no NPI)': 1,
      },
    });
    expect(await wh.all('select claim_type, setting from medical_claim')).toEqual([
      { claim_type: 'institutional', setting: 'inpatient' },
    ]);
    // Loading the same file again changes nothing.
    expect((await ingestPaths(wh, [claims])).files[0]?.status).toBe('skipped');
  });
});

describe('a failure inside a file load', () => {
  it('rolls back the appended rows, rejections and the batch record together', async () => {
    const claims = write('claims.ndjson', `${toNdjson([patient('p1'), pharmacyEob('e1', 'p1')])}not json\n`);
    await expect(
      ingestPaths(wh, [claims], {
        rowsRead() {
          throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    for (const table of ['member', 'pharmacy_claim', 'rejected_row', 'load_batch'])
      expect(await wh.all(`select count(*) as n from ${table}`)).toEqual([{ n: 0 }]);
    expect((await ingestPaths(wh, [claims])).totals).toMatchObject({ members: 1, loaded: 1, rejected: 1 });
  });
});

describe('labelling Part 2 claims', () => {
  it('labels SUD diagnoses, OTP services and MOUD fills, and re-labels after a drug reference change', async () => {
    const sud = professionalEob('sud', 'p1', {
      diagnosis: [
        {
          sequence: 1,
          diagnosisCodeableConcept: {
            coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F11.20' }],
          },
        },
      ],
    });
    const otp = professionalEob('otp', 'p1', {
      item: [{ sequence: 1, servicedDate: '2026-01-20', productOrService: { coding: [{ code: 'H0020' }] } }],
    });
    const bup = pharmacyEob('bup', 'p1', {
      item: [
        {
          sequence: 1,
          servicedDate: '2026-01-05',
          productOrService: { coding: [{ code: '12496120803' }] },
          quantity: { value: 30 },
        },
      ],
    });
    await ensureReferenceSchema(wh);
    await wh.run(
      `insert into drug (ndc, name, ingredient, strength, unit, route_group, drug_class, source)
       values ('12496120803', 'Suboxone 8 mg/2 mg film', 'buprenorphine', 8, 'MG', 'buccal', 'buprenorphine', 'builtin')`,
    );
    const summary = await ingestPaths(wh, [
      people(),
      write('c.ndjson', toNdjson([sud, otp, bup, professionalEob('plain', 'p1')])),
    ]);
    expect(summary.part2Labels).toEqual({ medical: 2, pharmacy: 1 });
    expect(await wh.all('select claim_kind, claim_id, reason from claim_label order by claim_id')).toEqual([
      { claim_kind: 'pharmacy', claim_id: 'RX-bup', reason: 'MOUD_FILL' },
      { claim_kind: 'medical', claim_id: 'otp', reason: 'OTP_SERVICE' },
      { claim_kind: 'medical', claim_id: 'sud', reason: 'SUD_DIAGNOSIS' },
    ]);
    await wh.run(`update drug set drug_class = 'opioid_analgesic'`);
    expect(await labelSensitiveClaims(wh)).toEqual({ medical: 2, pharmacy: 0 });
    expect(await wh.all(`select count(*) as n from claim_label where claim_kind = 'pharmacy'`)).toEqual([
      { n: 0 },
    ]);
  });
});
