import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDbWarehouse } from '../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { importReferenceFile } from './import-reference.ts';

const header2018 =
  'NDC,NDC_Numeric,PRODNME,GENNME,Master_Form,Class,Drug,LongShortActing,DEAClassCode,Strength_Per_Unit,UOM,MME_Conversion_Factor';
const header2016 =
  'NDC_Numeric,NDC,Product_Name,Generic_Drug_Name,Master_Form,Class,Drug,LongShortActing,DEAClassCode,Strength_Per_Unit,UOM,MME_Conversion_Factor';
const omtkHeader =
  'drug_rxcui,drug_name,dose_form_rxcui,dose_form_name,ingredient_rxcui,ingredient_name,strength,strength_value,strength_unit';

let dir: string;
let warehouse: Warehouse;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-reference-'));
  warehouse = await openDuckDbWarehouse(':memory:');
});
afterEach(async () => {
  await warehouse.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, lines: string[] | Buffer): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Array.isArray(lines) ? `${lines.join('\n')}\n` : lines);
  return file;
};

describe('importReferenceFile (cdc-ndc)', () => {
  it('rejects each bad row with line, field and reason, and still loads the good ones', async () => {
    const file = write('opioids.csv', [
      header2018,
      '00228287611,228287611,OXYCODONE HCL,Oxycodone Hydrochloride,Tablet,Opioid,Oxycodone SA,SA,2,5,MG,1.5',
      '0022828761X,0,OXYCODONE HCL,Oxycodone Hydrochloride,Tablet,Opioid,Oxycodone SA,SA,2,5,MG,1.5',
      '00228287811,228287811,OXYCODONE HCL,Oxycodone Hydrochloride,Tablet,Opioid,Oxycodone SA,SA,2,,MG,1.5',
      '00228287911,228287911,OXYCODONE HCL,Oxycodone Hydrochloride,Tablet,Opioid,Oxycodone SA,SA,2,thirty,MG,1.5',
      '00228287912,228287912,OXYCODONE HCL,Oxycodone Hydrochloride,Tablet,Opioid,Oxycodone SA,XR,2,30,MG,1.5',
      '00228287913,228287913,OXYCODONE HCL,Oxycodone Hydrochloride,Tablet,Opioid,Oxycodone SA,SA,2,-5,MG,1.5',
      '00228287914,228287914,CANNABIS,Cannabis,Tablet,Cannabinoid,Cannabis,,1,5,MG,',
      '00228287611,228287611,OXYCODONE HCL,Oxycodone Hydrochloride,Tablet,Opioid,Oxycodone SA,SA,2,5,MG,1.5',
      '00228287915,228287915,OXYCODONE HCL,Oxycodone Hydrochloride,Tablet,Opioid,Oxycodone SA,SA,2,5,MG,a lot',
    ]);
    const summary = await importReferenceFile(warehouse, file, 'cdc-ndc');
    expect(summary.rowsRead).toBe(9);
    expect(summary.loaded).toBe(1);
    expect(summary.rejected.map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 3, field: 'NDC', reason: 'NDC must be 6 to 11 digits' },
      { line: 4, field: 'Strength_Per_Unit', reason: 'strength is missing' },
      { line: 5, field: 'Strength_Per_Unit', reason: 'strength is not a number' },
      { line: 6, field: 'LongShortActing', reason: 'must be LA, SA or blank' },
      { line: 7, field: 'Strength_Per_Unit', reason: 'strength must be positive' },
      { line: 8, field: 'Class', reason: 'unknown class Cannabinoid' },
      { line: 9, field: 'NDC', reason: 'duplicate NDC 00228287611' },
      { line: 10, field: 'MME_Conversion_Factor', reason: 'factor is not a number' },
    ]);
    expect(summary.rejected.every((r) => r.file === file)).toBe(true);
    const rows = await warehouse.all('select ndc from drug where source = $1', ['cdc-ndc-2018']);
    expect(rows).toEqual([{ ndc: '00228287611' }]);
  });

  it('classifies buprenorphine as MOUD even where the 2016 file gives it a factor of 30', async () => {
    const file = write('opioids-2016.csv', [
      header2016,
      '54017713,00054017713,BUPRENORPHINE HYDROCHLORIDE,Buprenorphine Hydrochloride,Tablet,Opioid,Buprenorphine,LA,3,8,MG,30',
      '54017714,54017714,SUBOXONE,Buprenorphine/naloxone,Film,Opioid,Buprenorphine,LA,3,8,MG,30',
    ]);
    const summary = await importReferenceFile(warehouse, file);
    expect(summary).toMatchObject({ layout: 'cdc-ndc-2016', loaded: 2, byClass: { buprenorphine: 2 } });
    const factors = await warehouse.all(
      `select * from drug_mme_factor where ndc in ('00054017713', '00054017714')`,
    );
    expect(factors).toEqual([]);
  });

  it('pads an NDC that lost its leading zeros to 11 digits', async () => {
    const file = write('short.csv', [
      header2018,
      '54017713,54017713,BUPRENORPHINE HYDROCHLORIDE,Buprenorphine Hydrochloride,Tablet,Opioid,Buprenorphine,LA,3,8,MG,',
    ]);
    await importReferenceFile(warehouse, file, 'cdc-ndc');
    expect(await warehouse.all(`select ndc from drug where source <> 'builtin'`)).toEqual([
      { ndc: '00054017713' },
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = write('again.csv', [
      header2018,
      '00378912116,378912116,FENTANYL,Fentanyl,"Patch, Extended Release",Opioid,Fentanyl LA,LA,2,25,MCG/HR,7.2',
      '13913000901,13913000901,LAZANDA,Fentanyl Citrate,Spray,Opioid,Fentanyl SA,SA,2,100,MCG/SPRAY,0.16',
    ]);
    const snapshot = () => warehouse.all('select * from drug order by ndc');
    await importReferenceFile(warehouse, file, 'cdc-ndc');
    const first = await snapshot();
    await importReferenceFile(warehouse, file, 'cdc-ndc');
    expect(await snapshot()).toEqual(first);
    expect(first.length).toBeGreaterThan(2);
  });

  it('stores the same rows through the portable insert path as through the DuckDB appender', async () => {
    const file = write('portable.csv', [
      header2018,
      '00378912116,378912116,FENTANYL,Fentanyl,"Patch, Extended Release",Opioid,Fentanyl LA,LA,2,25,MCG/HR,7.2',
      '00054017713,54017713,BUPRENORPHINE HYDROCHLORIDE,Buprenorphine Hydrochloride,Tablet,Opioid,Buprenorphine,LA,3,8,MG,',
    ]);
    // Not a DuckDbWarehouse, so upsertRows binds parameters as it would on PostgreSQL.
    const portable: Warehouse = {
      dialect: 'postgres',
      run: (sql, params) => warehouse.run(sql, params),
      all: (sql, params) => warehouse.all(sql, params),
      transaction: (fn) => warehouse.transaction(() => fn(portable)),
      close: () => warehouse.close(),
    };
    await importReferenceFile(portable, file, 'cdc-ndc');
    await importReferenceFile(portable, file, 'cdc-ndc');
    const viaParams = await warehouse.all('select * from drug order by ndc');
    const other = await openDuckDbWarehouse(':memory:');
    await importReferenceFile(other, file, 'cdc-ndc');
    expect(await other.all('select * from drug order by ndc')).toEqual(viaParams);
    await other.close();
  });

  it('keeps one import log row per file content', async () => {
    const file = write('logged.csv', [
      header2018,
      '00378912116,378912116,FENTANYL,Fentanyl,"Patch, Extended Release",Opioid,Fentanyl LA,LA,2,25,MCG/HR,7.2',
    ]);
    await importReferenceFile(warehouse, file, 'cdc-ndc');
    await importReferenceFile(warehouse, file, 'cdc-ndc');
    expect(await warehouse.all('select layout, rows_read, loaded, rejected from reference_import')).toEqual([
      { layout: 'cdc-ndc-2018', rows_read: 1, loaded: 1, rejected: 0 },
    ]);
  });

  it('refuses a file that is not a CDC sheet, an empty file and a binary file', async () => {
    await expect(
      importReferenceFile(warehouse, write('wrong.csv', ['a,b,c', '1,2,3']), 'cdc-ndc'),
    ).rejects.toThrow(/not a CDC NDC\/MME sheet/);
    await expect(importReferenceFile(warehouse, write('empty.csv', []), 'cdc-ndc')).rejects.toThrow(/empty/);
    await expect(
      importReferenceFile(
        warehouse,
        write('binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1])),
        'cdc-ndc',
      ),
    ).rejects.toThrow(/not a text CSV/);
    await expect(importReferenceFile(warehouse, path.join(dir, 'missing.csv'))).rejects.toThrow(
      /no such file/,
    );
  });
});

describe('importReferenceFile (omtk)', () => {
  it('restates patch and transmucosal fentanyl strengths in micrograms and adds up salts', async () => {
    const file = write('omtk.csv', [
      omtkHeader,
      '197696,72 HR Fentanyl 0.075 MG/HR Transdermal System,316987,Transdermal System,4337,Fentanyl,0.075 MG/HR,0.075,MG/HR',
      '668363,Fentanyl 0.1 MG Buccal Tablet,970789,Buccal Tablet,4337,Fentanyl,0.1 MG,0.1,MG',
      '637540,Aspirin 325 MG / Oxycodone Hydrochloride 4.5 MG / oxycodone terephthalate 0.38 MG Oral Tablet,317541,Oral Tablet,7804,Oxycodone,4.5 MG,4.5,MG',
      '637540,Aspirin 325 MG / Oxycodone Hydrochloride 4.5 MG / oxycodone terephthalate 0.38 MG Oral Tablet,317541,Oral Tablet,7804,Oxycodone,0.38 MG,0.38,MG',
      'abc,Bad RxCUI,317541,Oral Tablet,7804,Oxycodone,5 MG,5,MG',
      '1049621,Oxycodone Hydrochloride 5 MG Oral Tablet,317541,Oral Tablet,7804,Oxycodone,5 MG,5,GRAIN',
    ]);
    const summary = await importReferenceFile(warehouse, file);
    expect(summary).toMatchObject({ format: 'omtk', rowsRead: 6, loaded: 3 });
    expect(summary.rejected.map((r) => [r.line, r.field])).toEqual([
      [6, 'drug_rxcui'],
      [7, 'strength_unit'],
    ]);
    const rows = await warehouse.all<{ rxcui: string; strength: number; unit: string; route_group: string }>(
      'select rxcui, strength, unit, route_group from drug_rxnorm order by rxcui',
    );
    expect(rows).toEqual([
      { rxcui: '197696', strength: 75, unit: 'MCG/HR', route_group: 'transdermal' },
      { rxcui: '637540', strength: 4.88, unit: 'MG', route_group: 'oral' },
      { rxcui: '668363', strength: 100, unit: 'MCG', route_group: 'buccal' },
    ]);
  });

  it('refuses a table without the OMTK columns', async () => {
    await expect(
      importReferenceFile(warehouse, write('bad-omtk.csv', ['drug_rxcui,drug_name', '1,x']), 'omtk'),
    ).rejects.toThrow(/not an OMTK/);
  });
});
