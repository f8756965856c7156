import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warehouseSchema } from '../claims/warehouse-schema.ts';
import type { Row, SqlParam, Warehouse } from '../platform/warehouse/warehouse.ts';
import { referenceSchema } from '../reference/reference-schema.ts';
import { evaluateMembers } from './evaluate-members.ts';
import { explainMember } from './explain-member.ts';
import { identifyMembers } from './identify-members.ts';
import { loadRun } from './load-run.ts';
import {
  addEdVisit,
  addFill,
  addMedical,
  addMember,
  D,
  insertTestReference,
  ndc,
  openTestWarehouse,
} from './test-population.ts';

/**
 * The rule SQL on PostgreSQL (embedded PGlite): the same hand-made population
 * must give the same metrics and worklist as on DuckDB. The adapter below is
 * test-only; a PostgreSQL warehouse engine is a later issue.
 */
class PgliteWarehouse implements Warehouse {
  readonly dialect = 'postgres' as const;
  constructor(private readonly db: PGlite) {}
  async run(sql: string, params: readonly SqlParam[] = []): Promise<void> {
    if (params.length === 0) await this.db.exec(sql);
    else await this.db.query(sql, [...params]);
  }
  async all<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    const result = await this.db.query<Row>(sql, [...params]);
    return result.rows.map((row) => {
      const out: Row = {};
      for (const [k, v] of Object.entries(row))
        out[k] = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'bigint' ? Number(v) : v;
      return out as T;
    });
  }
  async transaction<T>(fn: (tx: Warehouse) => Promise<T>): Promise<T> {
    await this.db.exec('begin');
    try {
      const value = await fn(this);
      await this.db.exec('commit');
      return value;
    } catch (error) {
      await this.db.exec('rollback');
      throw error;
    }
  }
  async close(): Promise<void> {
    await this.db.close();
  }
}

/** The one spelling the shared schemas use that PostgreSQL lacks: `double` (DuckDB's alias). */
const toPostgres = (sql: string) => sql.replace(/\bdouble\b(?! precision)/g, 'double precision');

async function populate(w: Warehouse) {
  for (const id of ['A', 'B', 'C']) await addMember(w, { id, state: id === 'C' ? 'NY' : 'NJ', zip: '11201' });
  await addFill(w, {
    id: 'A1',
    member: 'A',
    date: '2026-03-01',
    ndc: ndc.oxycodone5,
    quantity: 360,
    days: 30,
  });
  await addFill(w, {
    id: 'A2',
    member: 'A',
    date: '2026-03-31',
    ndc: ndc.fentanylPatch25,
    quantity: 10,
    days: 30,
  });
  await addFill(w, {
    id: 'A3',
    member: 'A',
    date: '2026-04-10',
    ndc: ndc.alprazolam1,
    quantity: 30,
    days: 30,
  });
  await addFill(w, {
    id: 'A4',
    member: 'A',
    date: '2026-05-10',
    ndc: ndc.alprazolam1,
    quantity: 30,
    days: 30,
  });
  await addFill(w, {
    id: 'A5',
    member: 'A',
    date: '2026-06-20',
    ndc: ndc.buprenorphineFilm8,
    quantity: 30,
    days: 30,
  });
  await addEdVisit(w, 'AE', 'A', '2026-06-01', ['T401X1A']);
  await addMedical(w, { id: 'AC', member: 'A', date: '2025-09-01', dx: ['F1120', 'C4491'] });
  await addFill(w, {
    id: 'B1',
    member: 'B',
    date: '2026-02-01',
    ndc: ndc.methadone10,
    quantity: 90,
    days: 30,
    reversed: true,
  });
  await addFill(w, {
    id: 'B2',
    member: 'B',
    date: '2026-02-01',
    ndc: ndc.methadone10,
    quantity: 90,
    days: 90,
  });
  await addMedical(w, {
    id: 'BE',
    member: 'B',
    date: '2026-05-01',
    type: 'institutional',
    setting: 'inpatient',
    admissionType: '1',
    dx: ['F1020'],
  });
  await addMedical(w, { id: 'BX', member: 'B', date: '2026-01-05', lines: [{ pos: '34' }] });
  await addEdVisit(w, 'CE', 'C', '2026-06-30', ['F1111']);
}

let pg: Warehouse;
let duck: Warehouse;

beforeAll(async () => {
  pg = new PgliteWarehouse(new PGlite());
  for (const statement of [...warehouseSchema, ...referenceSchema]) await pg.run(toPostgres(statement));
  await insertTestReference(pg);
  await populate(pg);
  duck = await openTestWarehouse();
  await populate(duck);
}, 60_000);
afterAll(async () => {
  await pg?.close();
  await duck?.close();
});

describe('the rule SQL on PostgreSQL', () => {
  it('gives the same metrics as DuckDB', async () => {
    const onPg = await evaluateMembers(pg, { asOf: D });
    expect(onPg.map((m) => m.memberId)).toEqual(['A', 'B', 'C']);
    expect(onPg).toEqual(await evaluateMembers(duck, { asOf: D }));
  });

  it('gives the same worklist and records a run it can show again', async () => {
    const onPg = await identifyMembers(pg, { asOf: D });
    const onDuck = await identifyMembers(duck, { asOf: D });
    expect(onPg.members.map((m) => [m.memberId, m.market, m.priority, m.exclusions])).toEqual([
      ['A', 'NYC', 97, []],
      ['C', 'NYC', 50, []],
      ['B', 'NYC', 33, ['HOSPICE_PALLIATIVE']],
    ]);
    expect(onPg.members).toEqual(onDuck.members);
    expect(onPg.counts).toEqual(onDuck.counts);
    expect((await loadRun(pg, onPg.runId)).members).toEqual(onPg.members);
  });

  it('explains one member the same way', async () => {
    expect(await explainMember(pg, 'A', { asOf: D })).toEqual(await explainMember(duck, 'A', { asOf: D }));
  });
});
