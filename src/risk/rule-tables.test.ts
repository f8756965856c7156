import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { parseRiskConfig } from './risk-config.ts';
import { loadRuleTables } from './rule-tables.ts';
import { D, openTestWarehouse } from './test-population.ts';

let w: Warehouse;
beforeEach(async () => {
  w = await openTestWarehouse();
});
afterEach(async () => {
  await w.close();
});

const marketsInScope = async () =>
  (await w.all<{ market: string }>('select market from rk_market_in_scope order by market')).map(
    (r) => r.market,
  );

describe('rule tables kept on a connection', () => {
  it('reloads the configuration tables when the configuration changes, and keeps them when it does not', async () => {
    await loadRuleTables(w, parseRiskConfig({ markets: ['NJ'] }), { asOf: D });
    expect(await marketsInScope()).toEqual(['NJ']);
    await loadRuleTables(w, parseRiskConfig({ markets: ['CT', 'NYC'] }), { asOf: D });
    expect(await marketsInScope()).toEqual(['CT', 'NYC']);
    await w.run("insert into rk_weight values ('KEPT', 1)");
    await loadRuleTables(w, parseRiskConfig({ markets: ['CT', 'NYC'] }), { asOf: '2026-01-31' });
    expect(await w.all("select weight from rk_weight where code = 'KEPT'")).toEqual([{ weight: 1 }]);
    expect(await w.all('select cast(as_of as varchar) as d from rk_param')).toEqual([{ d: '2026-01-31' }]);
  });

  it('reloads after a rolled-back transaction took a reload away', async () => {
    await loadRuleTables(w, parseRiskConfig({ markets: ['NJ'] }), { asOf: D });
    await expect(
      w.transaction(async (tx) => {
        await loadRuleTables(tx, parseRiskConfig({ markets: ['MD'] }), { asOf: D });
        throw new Error('explain failed');
      }),
    ).rejects.toThrow('explain failed');
    expect(await marketsInScope()).toEqual(['NJ']);
    await loadRuleTables(w, parseRiskConfig({ markets: ['MD'] }), { asOf: D });
    expect(await marketsInScope()).toEqual(['MD']);
  });
});
