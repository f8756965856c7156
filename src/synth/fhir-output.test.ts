import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidNpi } from '../platform/identifiers/npi.ts';
import { builtinDrugs } from '../reference/builtin-drugs.ts';
import { systems } from './fhir-systems.ts';
import { generatePopulation, type PopulationSummary } from './generate-population.ts';

interface Coding {
  system?: string;
  code?: string;
}
interface Concept {
  coding?: Coding[];
}
type Json = Record<string, unknown>;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-fhir-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let summary: PopulationSummary;
const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean);
const parsed = (file: string) => read(file).map((l) => JSON.parse(l) as Json);
const code = (c: unknown, system?: string) =>
  ((c as Concept | undefined)?.coding ?? []).find((x) => !system || x.system === system)?.code;

let eobs: Json[];
beforeAll(() => {
  summary = generatePopulation({
    members: 400,
    seed: 3,
    asOf: '2026-06-30',
    format: 'fhir',
    outDir: dir,
    badRows: true,
    riskEnrichment: 5,
  });
  const bad = new Set(summary.badRows.map((b) => b.line));
  eobs = read('ExplanationOfBenefit.ndjson')
    .filter((_, i) => !bad.has(i + 1))
    .map((l) => JSON.parse(l) as Json);
});

describe('FHIR NDJSON output', () => {
  it('writes the five resource files, one resource type each', () => {
    for (const [file, type] of [
      ['Patient.ndjson', 'Patient'],
      ['Coverage.ndjson', 'Coverage'],
      ['Practitioner.ndjson', 'Practitioner'],
      ['Organization.ndjson', 'Organization'],
    ] as const) {
      const resources = parsed(file);
      expect(resources.length).toBeGreaterThan(0);
      expect(new Set(resources.map((r) => r.resourceType))).toEqual(new Set([type]));
    }
    expect(new Set(eobs.map((r) => r.resourceType))).toEqual(new Set(['ExplanationOfBenefit']));
  });

  it('gives each Patient an MB member id, birth date, gender and address, with county FIPS in district for most', () => {
    const patients = parsed('Patient.ndjson');
    for (const p of patients) {
      const ids = p.identifier as { type: Concept; value: string }[];
      expect(ids.find((i) => code(i.type, systems.identifierType) === 'MB')?.value).toMatch(/^M\d{8}$/);
      expect(p.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['male', 'female']).toContain(p.gender);
      const address = (p.address as Json[])[0] ?? {};
      expect(address.state).toMatch(/^[A-Z]{2}$/);
      expect(address.postalCode).toMatch(/^\d{5}$/);
    }
    const withDistrict = patients.filter((p) => (p.address as Json[])[0]?.district !== undefined);
    expect(withDistrict.length / patients.length).toBeGreaterThan(0.75);
    expect(withDistrict.length).toBeLessThan(patients.length);
    for (const p of withDistrict) expect((p.address as Json[])[0]?.district).toMatch(/^\d{5}$/);
  });

  it('gives each Coverage a beneficiary that exists, a period, an SOPT type and a plan class', () => {
    const patientIds = new Set(parsed('Patient.ndjson').map((p) => p.id));
    const sopt = new Set<string>();
    for (const c of parsed('Coverage.ndjson')) {
      expect(patientIds.has(String((c.beneficiary as Json).reference).replace('Patient/', ''))).toBe(true);
      expect((c.period as Json).start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const type = code(c.type, 'https://nahdo.org/sopt');
      expect(type).toMatch(/^[125]\d\d$/);
      sopt.add(type ?? '');
      const plan = (c.class as { type: Concept; value: string }[]).find((k) => code(k.type) === 'plan');
      expect(plan?.value).toMatch(/^CKP-/);
    }
    for (const expected of ['511', '512', '513', '514']) expect(sopt).toContain(expected);
  });

  it('gives every EOB a uc claim id, a known type, an existing patient, a billable period and items with a service date', () => {
    const patientIds = new Set(parsed('Patient.ndjson').map((p) => p.id));
    for (const e of eobs) {
      const ids = e.identifier as { type: Concept; value: string }[];
      expect(ids.find((i) => code(i.type) === 'uc')?.value).toMatch(/^(MC|RX)\d{12}$/);
      expect(['pharmacy', 'professional', 'institutional']).toContain(code(e.type, systems.claimType));
      expect(patientIds.has(String((e.patient as Json).reference).replace('Patient/', ''))).toBe(true);
      expect((e.billablePeriod as Json).start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const item of e.item as Json[]) {
        expect(item.servicedDate ?? (item.servicedPeriod as Json | undefined)?.start).toMatch(
          /^\d{4}-\d{2}-\d{2}$/,
        );
        expect((item.quantity as Json).value).toBeGreaterThan(0);
      }
      const totals = (e.total as { category: Concept }[]).map((t) => code(t.category));
      expect(totals).toEqual(expect.arrayContaining(['submitted', 'eligible', 'benefit']));
      expect(isValidNpi(String(((e.provider as Json).identifier as Json).value))).toBe(true);
    }
  });

  it('writes pharmacy EOBs with a reference NDC, days supply and the prescriber in the care team', () => {
    const ndcs = new Set(builtinDrugs.map((d) => d.ndc));
    const fills = eobs.filter((e) => code(e.type) === 'pharmacy');
    let fromReference = 0;
    for (const e of fills) {
      const item = (e.item as Json[])[0] ?? {};
      const ndc = code(item.productOrService, systems.ndc);
      expect(ndc).toMatch(/^\d{11}$/);
      if (ndcs.has(ndc ?? '')) fromReference++;
      const days = (e.supportingInfo as { category: Concept; valueQuantity: { value: number } }[]).find(
        (s) => code(s.category) === 'dayssupply',
      );
      expect(days?.valueQuantity.value).toBeGreaterThan(0);
      const prescriber = (e.careTeam as { role: Concept; provider: Json }[]).find(
        (c) => code(c.role) === 'prescribing',
      );
      expect(isValidNpi(String((prescriber?.provider?.identifier as Json | undefined)?.value))).toBe(true);
    }
    expect(fromReference).toBeGreaterThan(0);
  });

  it('writes professional lines with a place of service, institutional ones with revenue codes, and emergency admissions', () => {
    const professional = eobs.filter((e) => code(e.type) === 'professional');
    expect(
      professional.every((e) =>
        (e.item as Json[]).every((i) => code(i.locationCodeableConcept, systems.placeOfService)),
      ),
    ).toBe(true);
    const institutional = eobs.filter((e) => code(e.type) === 'institutional');
    expect(institutional.every((e) => ['inpatient', 'outpatient'].includes(code(e.subType) ?? ''))).toBe(
      true,
    );
    expect(
      institutional.every((e) => (e.item as Json[]).every((i) => code(i.revenue, systems.revenue))),
    ).toBe(true);
    const emergencyAdmissions = institutional.filter(
      (e) =>
        code(e.subType) === 'inpatient' &&
        ((e.supportingInfo ?? []) as { category: Concept; code: Concept }[]).some(
          (s) => code(s.category) === 'admtype' && code(s.code) === '1',
        ),
    );
    expect(emergencyAdmissions.length).toBeGreaterThan(0);
    const withPrincipal = [...professional, ...institutional].every((e) => {
      const first = (e.diagnosis as { diagnosisCodeableConcept: Concept; type?: Concept[] }[])[0];
      return code(first?.diagnosisCodeableConcept, systems.icd10cm) && code(first?.type?.[0]) === 'principal';
    });
    expect(withPrincipal).toBe(true);
  });

  it('resends adjusted claims under the same uc id and marks reversals cancelled', () => {
    const ucs = eobs.map((e) => (e.identifier as { value: string }[])[0]?.value);
    expect(ucs.length - new Set(ucs).size).toBeGreaterThan(0);
    expect(eobs.some((e) => e.status === 'cancelled')).toBe(true);
  });

  it('gives every Practitioner and Organization a valid NPI', () => {
    for (const file of ['Practitioner.ndjson', 'Organization.ndjson']) {
      for (const r of parsed(file)) {
        const npi = (r.identifier as { system: string; value: string }[]).find(
          (i) => i.system === systems.npi,
        )?.value;
        expect(isValidNpi(npi ?? '')).toBe(true);
      }
    }
  });

  it('writes each kind of bad NDJSON line at the line the summary names', () => {
    const all = read('ExplanationOfBenefit.ndjson');
    const patientIds = new Set(parsed('Patient.ndjson').map((p) => p.id));
    expect(summary.badRows.map((b) => b.kind).sort()).toEqual(
      [
        'bad-date',
        'malformed-json',
        'missing-key',
        'negative-quantity',
        'unknown-member',
        'unknown-resource-type',
        'zero-days-supply',
      ].sort(),
    );
    for (const bad of summary.badRows) {
      const line = all[bad.line - 1] ?? '';
      if (bad.kind === 'malformed-json') {
        expect(() => JSON.parse(line)).toThrow();
        continue;
      }
      const r = JSON.parse(line) as Json;
      if (bad.kind === 'unknown-resource-type') expect(r.resourceType).not.toBe('ExplanationOfBenefit');
      if (bad.kind === 'missing-key') expect([r.id, r.identifier]).toEqual([undefined, undefined]);
      if (bad.kind === 'bad-date') expect(line).toContain('2025-02-30');
      if (bad.kind === 'negative-quantity')
        expect(((r.item as Json[])[0]?.quantity as Json | undefined)?.value).toBeLessThan(0);
      if (bad.kind === 'zero-days-supply') expect(line).toContain('"valueQuantity":{"value":0,');
      if (bad.kind === 'unknown-member')
        expect(patientIds.has(String((r.patient as Json).reference).replace('Patient/', ''))).toBe(false);
    }
  });
});
