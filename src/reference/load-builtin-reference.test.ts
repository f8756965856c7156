import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDbWarehouse } from '../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { builtinDrug, builtinDrugs } from './builtin-drugs.ts';
import { loadBuiltinReference } from './load-builtin-reference.ts';
import { mmeFactors } from './mme-factors.ts';

describe('loadBuiltinReference', () => {
  let warehouse: Warehouse;
  beforeEach(async () => {
    warehouse = await openDuckDbWarehouse(':memory:');
  });
  afterEach(async () => {
    await warehouse.close();
  });

  it('loads every built-in drug and factor, and loading again changes nothing', async () => {
    await loadBuiltinReference(warehouse);
    await loadBuiltinReference(warehouse);
    const [drugs] = await warehouse.all<{ n: number }>('select count(*) as n from drug');
    const [factors] = await warehouse.all<{ n: number }>('select count(*) as n from mme_factor');
    expect(drugs?.n).toBe(builtinDrugs.length);
    expect(factors?.n).toBe(mmeFactors.length);
  });

  it('stores a product as the table spells it', async () => {
    await loadBuiltinReference(warehouse);
    const rows = await warehouse.all('select * from drug where ndc = $1', [
      builtinDrug('fentanyl-patch-25').ndc,
    ]);
    expect(rows).toEqual([
      {
        ndc: '00378912116',
        rxcui: null,
        name: 'Fentanyl 25 mcg/hr transdermal patch',
        ingredient: 'fentanyl',
        strength: 25,
        unit: 'MCG/HR',
        form: 'patch, extended release',
        route_group: 'transdermal',
        drug_class: 'opioid_analgesic',
        long_acting: true,
        source: 'builtin',
      },
    ]);
  });

  it('keeps a drug row an import already loaded', async () => {
    await loadBuiltinReference(warehouse);
    await warehouse.run(`update drug set source = 'cdc-ndc-2018' where ndc = $1`, ['00228287611']);
    await loadBuiltinReference(warehouse);
    const rows = await warehouse.all<{ source: string }>('select source from drug where ndc = $1', [
      '00228287611',
    ]);
    expect(rows[0]?.source).toBe('cdc-ndc-2018');
  });
});

describe('builtinDrugs', () => {
  it('has unique keys and unique 11-digit NDCs', () => {
    expect(new Set(builtinDrugs.map((d) => d.key)).size).toBe(builtinDrugs.length);
    expect(new Set(builtinDrugs.map((d) => d.ndc)).size).toBe(builtinDrugs.length);
    for (const d of builtinDrugs) expect(d.ndc).toMatch(/^\d{11}$/);
  });

  it('throws on an unknown key', () => {
    expect(() => builtinDrug('oxycodone-ir-11')).toThrow(/no built-in drug/);
  });
});
