import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbWarehouse } from '../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { externalDir } from '../testing/external.ts';
import { builtinDrugs, builtinNdcsOutsideCdc } from './builtin-drugs.ts';
import { importReferenceFile } from './import-reference.ts';
import type { ImportSummary } from './import-result.ts';
import { readCsvRecords } from './read-csv-records.ts';

const dir2018 = externalDir('cdc-oral-mme-ndc-2018');
const dir2016 = externalDir('cdc-oral-mme-ndc-2016');

/** NDC → MME_Conversion_Factor as the sheet states it ('' when blank). */
async function fileFactors(file: string): Promise<Map<string, string>> {
  const csv = await readCsvRecords(file);
  const factors = new Map<string, string>();
  for await (const r of csv.records)
    factors.set(r.cells.NDC ?? '', (r.cells.MME_Conversion_Factor ?? '').trim());
  return factors;
}

type FactorRow = {
  ndc: string;
  factor: number;
};

describe.skipIf(!dir2018)('CDC NDC/MME file, 2018 version', () => {
  const opioids = path.join(dir2018 ?? '', 'sheet-Opioids.csv');
  let warehouse: Warehouse;
  let opioidSummary: ImportSummary;
  let benzoSummary: ImportSummary;
  beforeAll(async () => {
    warehouse = await openDuckDbWarehouse(':memory:');
    opioidSummary = await importReferenceFile(warehouse, opioids, 'cdc-ndc');
    benzoSummary = await importReferenceFile(
      warehouse,
      path.join(dir2018 ?? '', 'sheet-Benzos.csv'),
      'cdc-ndc',
    );
  });
  afterAll(async () => {
    await warehouse.close();
  });

  it('imports the opioid sheet: 14,549 rows, 225 of them buprenorphine, 5 without strength or unit', () => {
    expect(opioidSummary.layout).toBe('cdc-ndc-2018');
    expect(opioidSummary.rowsRead).toBe(14_549);
    expect(opioidSummary.byClass).toEqual({ opioid_analgesic: 14_324, buprenorphine: 220 });
    // Probuphine (implant, no UOM) and Sublocade (injection, no strength): buprenorphine, nothing to convert.
    expect(opioidSummary.rejected.map((r) => [r.line, r.field])).toEqual([
      [115, 'UOM'],
      [168, 'Strength_Per_Unit'],
      [169, 'Strength_Per_Unit'],
      [170, 'Strength_Per_Unit'],
      [171, 'Strength_Per_Unit'],
    ]);
  });

  it('imports the benzodiazepine sheet: 7,816 rows', () => {
    expect(benzoSummary.rowsRead).toBe(7_816);
    expect(benzoSummary.byClass).toEqual({ benzodiazepine: 7_816 });
    expect(benzoSummary.rejected).toEqual([]);
  });

  it('stores sample NDCs with the strength, unit and route the file gives', async () => {
    const rows = await warehouse.all(
      `select ndc, ingredient, strength, unit, route_group, drug_class, long_acting from drug
       where ndc in ('00378912116', '63459054128', '13913000901', '00037520030', '59011041010', '00054355663', '00228202910')
       order by ndc`,
    );
    expect(rows).toEqual([
      {
        ndc: '00037520030',
        ingredient: 'fentanyl',
        strength: 200,
        unit: 'MCG',
        route_group: 'mucosal',
        drug_class: 'opioid_analgesic',
        long_acting: false,
      },
      {
        ndc: '00054355663',
        ingredient: 'methadone',
        strength: 2,
        unit: 'MG/ML',
        route_group: 'oral',
        drug_class: 'opioid_analgesic',
        long_acting: true,
      },
      {
        ndc: '00228202910',
        ingredient: 'alprazolam',
        strength: 0.5,
        unit: 'MG',
        route_group: 'oral',
        drug_class: 'benzodiazepine',
        long_acting: false,
      },
      {
        ndc: '00378912116',
        ingredient: 'fentanyl',
        strength: 25,
        unit: 'MCG/HR',
        route_group: 'transdermal',
        drug_class: 'opioid_analgesic',
        long_acting: true,
      },
      {
        ndc: '13913000901',
        ingredient: 'fentanyl',
        strength: 100,
        unit: 'MCG/SPRAY',
        route_group: 'nasal',
        drug_class: 'opioid_analgesic',
        long_acting: false,
      },
      {
        ndc: '59011041010',
        ingredient: 'oxycodone',
        strength: 10,
        unit: 'MG',
        route_group: 'oral',
        drug_class: 'opioid_analgesic',
        long_acting: true,
      },
      {
        ndc: '63459054128',
        ingredient: 'fentanyl',
        strength: 100,
        unit: 'MCG',
        route_group: 'buccal',
        drug_class: 'opioid_analgesic',
        long_acting: false,
      },
    ]);
  });

  it('gives every opioid analgesic NDC the factor the file states, under cdc-2018', async () => {
    const stated = await fileFactors(opioids);
    const ours = await warehouse.all<FactorRow>(
      `select ndc, factor from drug_mme_factor where factor_set = 'cdc-2018'`,
    );
    expect(ours.length).toBe(14_324);
    const mismatches = ours.filter((r) => Number(stated.get(r.ndc)) !== r.factor);
    expect(mismatches).toEqual([]);
  });

  it('gives the CDC 2022 factors under cdc-2022 (hydromorphone 5, methadone 4.7, tramadol 0.2)', async () => {
    const rows = await warehouse.all<{ factor_set: string; ndc: string; factor: number }>(
      `select factor_set, ndc, factor from drug_mme_factor
       where ndc in ('00054026425', '00054457125', '00093005801') order by factor_set, ndc`,
    );
    expect(rows.map((r) => [r.factor_set, r.ndc, r.factor])).toEqual([
      ['cdc-2018', '00054026425', 4],
      ['cdc-2018', '00054457125', 3],
      ['cdc-2018', '00093005801', 0.1],
      ['cdc-2022', '00054026425', 5],
      ['cdc-2022', '00054457125', 4.7],
      ['cdc-2022', '00093005801', 0.2],
    ]);
  });

  it('never gives a buprenorphine NDC a factor', async () => {
    const rows = await warehouse.all(
      `select m.ndc from drug_mme_factor m join drug d using (ndc) where d.ingredient = 'buprenorphine'`,
    );
    expect(rows).toEqual([]);
  });

  it('agrees with every built-in product: NDC, strength, unit, form, ingredient, route, class', async () => {
    const imported = await warehouse.all<Record<string, unknown>>(
      `select ndc, ingredient, strength, unit, form, route_group, drug_class, long_acting, source from drug`,
    );
    const byNdc = new Map(imported.map((r) => [r.ndc, r]));
    for (const drug of builtinDrugs) {
      if (builtinNdcsOutsideCdc.includes(drug.ndc)) continue;
      expect(byNdc.get(drug.ndc), `${drug.key} ${drug.ndc}`).toEqual({
        ndc: drug.ndc,
        ingredient: drug.ingredient,
        strength: drug.strength,
        unit: drug.unit,
        form: drug.form,
        route_group: drug.routeGroup,
        drug_class: drug.drugClass,
        long_acting: drug.longActing,
        source: 'cdc-ndc-2018',
      });
    }
  });

  it('skips the sheets of classes Checkpoint does not track', async () => {
    const summary = await importReferenceFile(warehouse, path.join(dir2018 ?? '', 'sheet-Stimulants.csv'));
    expect(summary).toMatchObject({ loaded: 0, skipped: { 'class Stimulant': 1_102 }, rejected: [] });
  });
});

describe.skipIf(!dir2016)('CDC NDC/MME file, 2016 version', () => {
  const opioids = path.join(dir2016 ?? '', 'sheet-Opioids.csv');
  let warehouse: Warehouse;
  let summary: ImportSummary;
  beforeAll(async () => {
    warehouse = await openDuckDbWarehouse(':memory:');
    summary = await importReferenceFile(warehouse, opioids, 'cdc-ndc');
  });
  afterAll(async () => {
    await warehouse.close();
  });

  it('detects the 2016 column order and imports 13,269 rows, 132 of them buprenorphine', () => {
    expect(summary.layout).toBe('cdc-ndc-2016');
    expect(summary.rowsRead).toBe(13_269);
    expect(summary.byClass).toEqual({ opioid_analgesic: 13_137, buprenorphine: 131 });
    expect(summary.rejected.map((r) => [r.line, r.field])).toEqual([[95, 'Strength_Per_Unit']]);
  });

  it('ignores the 2016 buprenorphine factors (30, 12.6, 0.03) and keeps every other stated factor', async () => {
    const stated = await fileFactors(opioids);
    const ours = new Map(
      (
        await warehouse.all<FactorRow>(
          `select ndc, factor from drug_mme_factor where factor_set = 'cdc-2018'`,
        )
      ).map((r) => [r.ndc, r.factor]),
    );
    const drugs = await warehouse.all<{ ndc: string; drug_class: string }>(
      `select ndc, drug_class from drug where source = 'cdc-ndc-2016'`,
    );
    let buprenorphineWithStatedFactor = 0;
    for (const d of drugs) {
      if (d.drug_class === 'buprenorphine') {
        if (stated.get(d.ndc) !== '') buprenorphineWithStatedFactor++;
        expect(ours.has(d.ndc)).toBe(false);
      } else expect(ours.get(d.ndc), d.ndc).toBe(Number(stated.get(d.ndc)));
    }
    expect(buprenorphineWithStatedFactor).toBe(131);
  });
});
