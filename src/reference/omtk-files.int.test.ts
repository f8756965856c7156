import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbWarehouse } from '../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { externalDir } from '../testing/external.ts';
import { importReferenceFile } from './import-reference.ts';
import type { ImportSummary } from './import-result.ts';

const dir = externalDir('omtk-rxnorm-opioid-ingredients');

describe.skipIf(!dir)('OMTK RxNorm opioid ingredient tables', () => {
  let warehouse: Warehouse;
  let v2020: ImportSummary;
  let v3: ImportSummary;
  beforeAll(async () => {
    warehouse = await openDuckDbWarehouse(':memory:');
    v3 = await importReferenceFile(
      warehouse,
      path.join(dir ?? '', 'omtk-mme-r4-v3-drug-ingredients.csv'),
      'omtk',
    );
    v2020 = await importReferenceFile(
      warehouse,
      path.join(dir ?? '', 'omtk-2020-drug-ingredients.csv'),
      'omtk',
    );
  });
  afterAll(async () => {
    await warehouse.close();
  });

  it('imports the OMTKData 3.0.0 table: 912 rows, 910 drug-ingredient pairs', () => {
    expect(v3).toMatchObject({ rowsRead: 912, loaded: 910, rejected: [] });
    expect(v3.byClass).toEqual({ opioid_analgesic: 843, buprenorphine: 67 });
  });

  it('imports the OMTKData2020 table: 1,131 rows, 1,126 drugs, repeated strengths in other units rejected', () => {
    expect(v2020).toMatchObject({ rowsRead: 1_131, loaded: 1_126 });
    expect(v2020.byClass).toEqual({ opioid_analgesic: 1_049, buprenorphine: 77 });
    expect(v2020.rejected.map((r) => [r.line, r.field])).toEqual([
      [290, 'strength_unit'],
      [962, 'strength_unit'],
      [964, 'strength_unit'],
    ]);
  });

  it('stores fentanyl in the CDC units and classes buprenorphine as MOUD', async () => {
    const rows = await warehouse.all(
      `select rxcui, ingredient, strength, unit, route_group, drug_class, long_acting from drug_rxnorm
       where rxcui in ('197696', '668363', '1115577', '1237050', '858087', '1666831', '904880', '1049683')
       order by rxcui`,
    );
    expect(rows).toEqual([
      {
        rxcui: '1049683',
        ingredient: 'oxycodone',
        strength: 10,
        unit: 'MG',
        route_group: 'oral',
        drug_class: 'opioid_analgesic',
        long_acting: false,
      },
      {
        rxcui: '1115577',
        ingredient: 'fentanyl',
        strength: 400,
        unit: 'MCG/SPRAY',
        route_group: 'nasal',
        drug_class: 'opioid_analgesic',
        long_acting: false,
      },
      {
        rxcui: '1237050',
        ingredient: 'fentanyl',
        strength: 100,
        unit: 'MCG/SPRAY',
        route_group: 'mucosal',
        drug_class: 'opioid_analgesic',
        long_acting: false,
      },
      // Ionsys: iontophoretic, dosed per activation, not a 72-hour patch: no patch factor.
      {
        rxcui: '1666831',
        ingredient: 'fentanyl',
        strength: 0.04,
        unit: 'MG',
        route_group: 'other',
        drug_class: 'opioid_analgesic',
        long_acting: true,
      },
      {
        rxcui: '197696',
        ingredient: 'fentanyl',
        strength: 75,
        unit: 'MCG/HR',
        route_group: 'transdermal',
        drug_class: 'opioid_analgesic',
        long_acting: true,
      },
      {
        rxcui: '668363',
        ingredient: 'fentanyl',
        strength: 100,
        unit: 'MCG',
        route_group: 'buccal',
        drug_class: 'opioid_analgesic',
        long_acting: false,
      },
      {
        rxcui: '858087',
        ingredient: 'fentanyl',
        strength: 1200,
        unit: 'MCG',
        route_group: 'mucosal',
        drug_class: 'opioid_analgesic',
        long_acting: false,
      },
      {
        rxcui: '904880',
        ingredient: 'buprenorphine',
        strength: 5,
        unit: 'MCG/HR',
        route_group: 'transdermal',
        drug_class: 'buprenorphine',
        long_acting: true,
      },
    ]);
  });

  it('changes nothing when a table is imported again', async () => {
    const before = await warehouse.all('select * from drug_rxnorm order by rxcui, ingredient_rxcui');
    await importReferenceFile(warehouse, path.join(dir ?? '', 'omtk-2020-drug-ingredients.csv'));
    expect(await warehouse.all('select * from drug_rxnorm order by rxcui, ingredient_rxcui')).toEqual(before);
  });
});
