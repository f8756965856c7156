import { describe, expect, it } from 'vitest';
import { focusMarkets } from '../reference/index.ts';
import { buildRows } from './build-rows.ts';
import { type CellMap, cellOf } from './measure-cells.ts';
import type { MeasureRow } from './measure-row.ts';
import { addMonths, monthsBetween } from './months.ts';
import { isSmall } from './suppress.ts';

/** A reproducible population of counts: about a third of the cells small, some zero, the rest large. */
function randomCells(seed: number): CellMap {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
  const count = () => {
    const r = next();
    return r < 0.1 ? 0 : r < 0.45 ? 1 + Math.floor(next() * 10) : 11 + Math.floor(next() * 300);
  };
  const cells: CellMap = new Map();
  for (const market of [...focusMarkets, 'other'])
    for (const month of monthsBetween('2024-01', '2025-12')) {
      const c = cellOf(cells, market, month);
      c.memberMonths = 500 + Math.floor(next() * 5000);
      c.overdoseEvents = count();
      c.identified = count();
      c.attempted = Math.min(c.identified, count());
    }
  return cells;
}

const plan = {
  focusMarkets,
  range: monthsBetween('2025-01', '2025-12'),
  baseline: monthsBetween('2024-01', '2024-12'),
  latest12: monthsBetween(addMonths('2025-12', -11), '2025-12'),
};

/** Tries to recover each suppressed small count from the totals shown beside it, as an analyst would. */
function recoverable(rows: MeasureRow[], truth: MeasureRow[], measure: string): string[] {
  const key = (r: Pick<MeasureRow, 'market' | 'month' | 'period'>) => `${r.market}|${r.month}|${r.period}`;
  const shown = new Map(rows.filter((r) => r.measure === measure).map((r) => [key(r), r]));
  const real = new Map(truth.filter((r) => r.measure === measure).map((r) => [key(r), r.numerator ?? 0]));
  const leaks: string[] = [];
  const check = (total: string, parts: string[]) => {
    const t = shown.get(total);
    if (!t || t.suppressed) return;
    const unknown = parts.filter((p) => !shown.get(p) || shown.get(p)!.suppressed);
    if (unknown.length === 1) {
      const recovered =
        (t.numerator ?? 0) -
        parts.filter((p) => p !== unknown[0]).reduce((s, p) => s + (shown.get(p)?.numerator ?? 0), 0);
      if (isSmall(recovered) && recovered === real.get(unknown[0]!))
        leaks.push(`${unknown[0]} = ${recovered} from ${total}`);
    }
  };
  const months = [...new Set([...plan.baseline, ...plan.range])];
  for (const market of [...focusMarkets, 'focus', 'other']) {
    check(
      key({ market, month: null, period: 'range' }),
      plan.range.map((m) => key({ market, month: m, period: null })),
    );
    check(
      key({ market, month: null, period: 'latest12' }),
      plan.latest12.map((m) => key({ market, month: m, period: null })),
    );
  }
  for (const month of months)
    check(
      key({ market: 'focus', month, period: null }),
      focusMarkets.map((m) => key({ market: m, month, period: null })),
    );
  for (const period of ['range', 'baseline', 'latest12'] as const)
    check(
      key({ market: 'focus', month: null, period }),
      focusMarkets.map((m) => key({ market: m, month: null, period })),
    );
  return leaks;
}

describe('small cells (RISK-RULES §10)', () => {
  for (const seed of [1, 2, 3, 4, 5])
    it(`shows no count of 1–10 and lets no suppressed count be worked out from the totals (population ${seed})`, () => {
      const cells = randomCells(seed);
      const rows = buildRows(cells, plan);
      const truth = buildRows(cells, { ...plan, suppress: false });
      for (const measure of ['overdose_rate', 'member_months', 'funnel_identified', 'funnel_attempted']) {
        expect(recoverable(rows, truth, measure), measure).toEqual([]);
        // Without complementary suppression the same population would leak: the test can fail.
      }
      for (const r of rows.filter((x) => x.measure.startsWith('funnel') || x.measure === 'overdose_rate'))
        expect(r.numerator === null || !isSmall(r.numerator), `${r.measure} ${r.market} ${r.month}`).toBe(
          true,
        );
      for (const r of rows.filter((x) => x.suppressed))
        expect([r.numerator, r.value, r.ciLow, r.ciHigh]).toEqual([null, null, null, null]);
    });

  it('would leak without the complementary step (the check above can fail)', () => {
    const cells = randomCells(1);
    const truth = buildRows(cells, { ...plan, suppress: false });
    // Suppress the small cells only, as a naive implementation would.
    const naive = truth.map((r) =>
      r.numerator !== null && isSmall(r.numerator)
        ? { ...r, numerator: null, value: null, suppressed: true }
        : r,
    );
    expect(recoverable(naive, truth, 'overdose_rate').length).toBeGreaterThan(0);
  });
});
