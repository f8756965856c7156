import { describe, expect, it } from 'vitest';
import { openDuckDbWarehouse } from './duckdb-warehouse.ts';

describe('DuckDB warehouse', () => {
  it('returns dates as ISO days and counts as numbers, with bound parameters', async () => {
    const wh = await openDuckDbWarehouse(':memory:');
    const rows = await wh.all('select $1::date as d, count(*) as n, $2 as s', ['2026-01-02', "o'brien"]);
    expect(rows).toEqual([{ d: '2026-01-02', n: 1, s: "o'brien" }]);
    await wh.close();
  });

  it('rolls back everything a failed transaction wrote', async () => {
    const wh = await openDuckDbWarehouse(':memory:');
    await wh.run('create table t (x integer)');
    await expect(
      wh.transaction(async (tx) => {
        await tx.run('insert into t values (1)');
        throw new Error('crash mid-file');
      }),
    ).rejects.toThrow('crash mid-file');
    expect(await wh.all('select count(*) as n from t')).toEqual([{ n: 0 }]);
    await wh.close();
  });
});
