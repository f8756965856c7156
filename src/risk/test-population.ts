import { ensureWarehouseSchema } from '../claims/index.ts';
import { openDuckDbWarehouse } from '../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { SqlParam, Warehouse } from '../platform/warehouse/warehouse.ts';
import { ensureReferenceSchema } from '../reference/index.ts';

/**
 * Hand-made populations for the rule tests: an in-memory warehouse with a tiny
 * drug reference (made here, not the built-in one, so tests read the factors
 * they assume) and helpers that insert members and claims.
 */
export const ndc = {
  oxycodone5: '00000000101',
  oxycodoneEr10: '00000000102',
  hydrocodone5: '00000000103',
  fentanylPatch25: '00000000104',
  methadone10: '00000000105',
  morphineSolution4: '00000000106', // 20 mg / 5 mL
  hydromorphone2: '00000000107',
  tramadol50: '00000000108',
  buprenorphineFilm8: '00000000201',
  buprenorphinePatch10: '00000000202', // classed as an opioid analgesic by some files: still MOUD
  naltrexone50: '00000000203',
  naloxoneSpray4: '00000000204',
  alprazolam1: '00000000301',
  unknownOpioid: '00000000109', // an opioid with no factor in either set
} as const;

const drugs: ReadonlyArray<readonly [string, string, number, string, string, string]> = [
  // ndc, ingredient, strength, unit, route group, class
  [ndc.oxycodone5, 'oxycodone', 5, 'MG', 'oral', 'opioid_analgesic'],
  [ndc.oxycodoneEr10, 'oxycodone', 10, 'MG', 'oral', 'opioid_analgesic'],
  [ndc.hydrocodone5, 'hydrocodone', 5, 'MG', 'oral', 'opioid_analgesic'],
  [ndc.fentanylPatch25, 'fentanyl', 25, 'MCG/HR', 'transdermal', 'opioid_analgesic'],
  [ndc.methadone10, 'methadone', 10, 'MG', 'oral', 'opioid_analgesic'],
  [ndc.morphineSolution4, 'morphine', 4, 'MG/ML', 'oral', 'opioid_analgesic'],
  [ndc.hydromorphone2, 'hydromorphone', 2, 'MG', 'oral', 'opioid_analgesic'],
  [ndc.tramadol50, 'tramadol', 50, 'MG', 'oral', 'opioid_analgesic'],
  [ndc.buprenorphineFilm8, 'buprenorphine', 8, 'MG', 'other', 'buprenorphine'],
  [ndc.buprenorphinePatch10, 'buprenorphine', 10, 'MCG/HR', 'transdermal', 'opioid_analgesic'],
  [ndc.naltrexone50, 'naltrexone', 50, 'MG', 'oral', 'naltrexone'],
  [ndc.naloxoneSpray4, 'naloxone', 4, 'MG/SPRAY', 'nasal', 'naloxone'],
  [ndc.alprazolam1, 'alprazolam', 1, 'MG', 'oral', 'benzodiazepine'],
  [ndc.unknownOpioid, 'opium-test', 1, 'MG', 'oral', 'opioid_analgesic'],
];

/** CDC 2022 (and the 2018 file's values in `cdc-2018`); fentanyl patch 7.2 per mcg/hr × patches ÷ days. */
const factors: ReadonlyArray<readonly [string, string, string, number]> = [
  ['cdc-2022', 'oxycodone', '*', 1.5],
  ['cdc-2022', 'hydrocodone', '*', 1],
  ['cdc-2022', 'fentanyl', 'transdermal', 7.2],
  ['cdc-2022', 'methadone', '*', 4.7],
  ['cdc-2022', 'morphine', '*', 1],
  ['cdc-2022', 'hydromorphone', '*', 5],
  ['cdc-2022', 'tramadol', '*', 0.2],
  ['cdc-2018', 'oxycodone', '*', 1.5],
  ['cdc-2018', 'hydrocodone', '*', 1],
  ['cdc-2018', 'fentanyl', 'transdermal', 7.2],
  ['cdc-2018', 'methadone', '*', 3],
  ['cdc-2018', 'morphine', '*', 1],
  ['cdc-2018', 'hydromorphone', '*', 4],
  ['cdc-2018', 'tramadol', '*', 0.1],
];

/** Opens an in-memory warehouse with the schema and the test drug reference. */
export async function openTestWarehouse(): Promise<Warehouse> {
  const warehouse = await openDuckDbWarehouse(':memory:');
  await ensureWarehouseSchema(warehouse);
  await ensureReferenceSchema(warehouse);
  await insertTestReference(warehouse);
  return warehouse;
}

/** Inserts the test drugs and factors into a warehouse whose schema is in place. */
export async function insertTestReference(warehouse: Warehouse): Promise<void> {
  await warehouse.run(
    `insert into drug (ndc, name, ingredient, strength, unit, route_group, drug_class, source) values ${drugs
      .map(
        (_, i) =>
          `($${i * 7 + 1}, $${i * 7 + 2}, $${i * 7 + 3}, $${i * 7 + 4}, $${i * 7 + 5}, $${i * 7 + 6}, $${i * 7 + 7}, 'test')`,
      )
      .join(', ')}`,
    drugs.flatMap(([code, ingredient, strength, unit, route, drugClass]) => [
      code,
      `${ingredient} ${strength} ${unit}`,
      ingredient,
      strength,
      unit,
      route,
      drugClass,
    ]),
  );
  await warehouse.run(
    `insert into mme_factor values ${factors.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}, 'test')`).join(', ')}`,
    factors.flatMap((f) => [...f]),
  );
}

export interface MemberSpec {
  id: string;
  state?: string;
  zip?: string;
  county?: string | null;
  lineOfBusiness?: string;
  start?: string;
  end?: string | null;
  birthDate?: string | null;
  planType?: string | null;
}

/** A member enrolled (by default) in a commercial plan in New Jersey since 2020. */
export async function addMember(w: Warehouse, spec: MemberSpec): Promise<void> {
  await w.run(
    `insert into member (member_id, state, zip, county_fips, birth_date, batch_id)
     values ($1, $2, $3, $4, cast($5 as date), 'test')`,
    [spec.id, spec.state ?? 'NJ', spec.zip ?? '07001', spec.county ?? null, spec.birthDate ?? null],
  );
  await w.run(
    `insert into enrollment (member_id, start_date, end_date, line_of_business, plan_type, batch_id)
     values ($1, cast($2 as date), cast($3 as date), $4, $5, 'test')`,
    [
      spec.id,
      spec.start ?? '2020-01-01',
      spec.end ?? null,
      spec.lineOfBusiness ?? 'commercial',
      spec.planType ?? null,
    ],
  );
}

export interface FillSpec {
  id: string;
  member: string;
  date: string;
  ndc: string;
  quantity: number;
  days: number;
  prescriber?: string | null;
  pharmacy?: string | null;
  version?: number;
  current?: boolean;
  reversed?: boolean;
}

/** Inserts one pharmacy claim version (current and not reversed unless told). */
export async function addFill(w: Warehouse, f: FillSpec): Promise<void> {
  const params: SqlParam[] = [
    f.id,
    f.version ?? 1,
    f.current ?? true,
    f.reversed ?? false,
    f.member,
    f.date,
    f.ndc,
    f.quantity,
    f.days,
    f.prescriber === undefined ? 'P1' : f.prescriber,
    f.pharmacy === undefined ? 'RX1' : f.pharmacy,
  ];
  await w.run(
    `insert into pharmacy_claim (claim_id, version, is_current, is_reversed, member_id, fill_date, ndc, quantity,
       days_supply, prescriber_npi, pharmacy_npi, batch_id)
     values ($1, $2, $3, $4, $5, cast($6 as date), $7, $8, $9, $10, $11, 'test')`,
    params,
  );
}

export interface LineSpec {
  procedure?: string;
  revenue?: string;
  pos?: string;
  date?: string;
}

export interface MedicalSpec {
  id: string;
  member: string;
  date: string;
  type?: 'professional' | 'institutional';
  setting?: 'inpatient' | 'outpatient' | null;
  admissionType?: string | null;
  dx?: string[];
  lines?: LineSpec[];
  version?: number;
  current?: boolean;
  reversed?: boolean;
}

/** Inserts one medical claim version with its diagnoses and lines. */
export async function addMedical(w: Warehouse, c: MedicalSpec): Promise<void> {
  const version = c.version ?? 1;
  await w.run(
    `insert into medical_claim (claim_id, version, is_current, is_reversed, member_id, claim_type, setting,
       claim_date, admission_type, batch_id)
     values ($1, $2, $3, $4, $5, $6, $7, cast($8 as date), $9, 'test')`,
    [
      c.id,
      version,
      c.current ?? true,
      c.reversed ?? false,
      c.member,
      c.type ?? 'professional',
      c.setting ?? null,
      c.date,
      c.admissionType ?? null,
    ],
  );
  for (const [i, code] of (c.dx ?? []).entries())
    await w.run(`insert into medical_claim_dx values ($1, $2, $3, $4, $5)`, [
      c.id,
      version,
      i + 1,
      code,
      i === 0,
    ]);
  for (const [i, line] of (c.lines ?? []).entries())
    await w.run(
      `insert into medical_claim_line (claim_id, version, line_number, service_date, procedure_code, revenue_code,
         place_of_service) values ($1, $2, $3, cast($4 as date), $5, $6, $7)`,
      [
        c.id,
        version,
        i + 1,
        line.date ?? c.date,
        line.procedure ?? null,
        line.revenue ?? null,
        line.pos ?? null,
      ],
    );
}

/** An ED visit (CPT 99283) on a date: the emergency most tests need. */
export async function addEdVisit(w: Warehouse, id: string, member: string, date: string, dx: string[] = []) {
  await addMedical(w, { id, member, date, dx, lines: [{ procedure: '99283' }] });
}

/** The as-of date most rule tests use, and the first day of each of its windows. */
export const D = '2026-06-30';
export const L90_START = '2026-04-02'; // D − 89
export const W180_START = '2026-01-02'; // D − 179
export const W365_START = '2025-07-01'; // D − 364
