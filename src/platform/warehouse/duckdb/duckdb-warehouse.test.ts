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

  it('lends pooled connections that see the same data but keep their own temp tables', async () => {
    const wh = await openDuckDbWarehouse(':memory:', { poolSize: 2 });
    await wh.run("create table member (member_id varchar); insert into member values ('M1')");
    const seen = await Promise.all(
      ['a', 'b'].map((name) =>
        wh.withConnection(async (c) => {
          await c.run(`create temp table scratch as select member_id || '-${name}' as v from member`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          return c.all<{ v: string }>('select v from scratch');
        }),
      ),
    );
    expect(seen).toEqual([[{ v: 'M1-a' }], [{ v: 'M1-b' }]]);
    await expect(wh.all('select * from scratch')).rejects.toThrow();
    await wh.close();
  });

  it('queues borrowers beyond the pool size instead of opening more connections', async () => {
    const wh = await openDuckDbWarehouse(':memory:', { poolSize: 1 });
    let inside = 0;
    let most = 0;
    const borrow = () =>
      wh.withConnection(async (c) => {
        inside += 1;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 10));
        const [row] = await c.all<{ n: number }>('select 1 as n');
        inside -= 1;
        return row?.n;
      });
    expect(await Promise.all([borrow(), borrow(), borrow()])).toEqual([1, 1, 1]);
    expect(most).toBe(1);
    await wh.close();
  });
});
