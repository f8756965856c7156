import { marketNames as referenceMarketNames } from '../reference/web-safe.ts';
import type { MeasureCode, MeasureRow, Period } from './measure-row.ts';

/** Each market's name, and the two groups the measures add. */
export const marketNames: Record<string, string> = {
  ...referenceMarketNames,
  focus: 'All focus markets',
  other: 'Outside the focus markets',
};

export const marketName = (market: string) => marketNames[market] ?? market;

/** The program's goal: 25 % fewer overdoses, so the latest 12 months' rate at most this share of the baseline's. */
export const goalRatio = 0.75;

/** Finds one row of a result. */
export function rowOf(
  rows: readonly MeasureRow[],
  measure: MeasureCode,
  market: string,
  slot: { month?: string; period?: Period },
): MeasureRow | undefined {
  return rows.find(
    (r) =>
      r.measure === measure &&
      r.market === market &&
      r.month === (slot.month ?? null) &&
      r.period === (slot.period ?? null),
  );
}

/** The months a result shows one by one, and its markets in output order. */
export const monthsOf = (rows: readonly MeasureRow[]) =>
  [...new Set(rows.filter((x) => x.month).map((x) => x.month!))].sort();
export const marketsOf = (rows: readonly MeasureRow[]) => [...new Set(rows.map((x) => x.market))];

/** A value as a cell shows it: "suppressed" for a small cell, "—" when there is nothing to compute. */
export function shown(row: MeasureRow | undefined, digits = 2): string {
  if (!row) return '—';
  if (row.suppressed) return 'suppressed';
  return row.value === null ? '—' : row.value.toFixed(digits);
}

/** A share as a percentage, or "suppressed" / "—". */
export function percent(row: MeasureRow | undefined): string {
  if (!row || row.suppressed || row.value === null) return shown(row);
  return `${(row.value * 100).toFixed(1)} %`;
}

/** A count (the numerator), or "suppressed" / "—". */
export function count(row: MeasureRow | undefined): string {
  if (!row) return '—';
  if (row.suppressed) return 'suppressed';
  return row.numerator === null ? '—' : String(row.numerator);
}

export function interval(row: MeasureRow | undefined): string {
  if (!row || row.suppressed || row.ciLow === null || row.ciHigh === null) return '';
  return `${row.ciLow.toFixed(2)}–${row.ciHigh.toFixed(2)}`;
}

/** The goal in plain words: met when the latest 12 months' rate is at most 0.75 × the baseline. */
export function goalWords(goal: MeasureRow | undefined): string {
  if (!goal) return '—';
  if (goal.suppressed) return 'Too few events to say (suppressed)';
  if (goal.value === null) return 'No baseline rate to compare with';
  const met = goal.value <= goalRatio;
  const sure = goal.ciHigh !== null && goal.ciHigh <= goalRatio;
  const spansNoChange = goal.ciLow !== null && goal.ciHigh !== null && goal.ciLow <= 1 && goal.ciHigh >= 1;
  if (met && sure) return 'Goal met (the whole interval is at or below 0.75)';
  if (met) return 'At the goal, but the interval reaches above 0.75';
  if (spansNoChange) return 'Not met; the interval includes no change';
  return 'Not met';
}

/** The difference in differences said plainly, as the observational comparison it is. */
export function didWords(did: MeasureRow | undefined): string {
  if (!did || did.suppressed || did.value === null)
    return 'The comparison with members outside the focus markets is suppressed: too few overdoses to show it.';
  const hasInterval = did.ciLow !== null && did.ciHigh !== null;
  const spans = hasInterval && did.ciLow! <= 1 && did.ciHigh! >= 1;
  return [
    `Compared with members outside the focus markets, the overdose rate in the focus markets changed by a factor of ${did.value.toFixed(2)}`,
    hasInterval ? ` (95 % interval ${did.ciLow!.toFixed(2)} to ${did.ciHigh!.toFixed(2)})` : '',
    ' more than it did outside them, from the baseline to the latest 12 months. ',
    spans ? 'The interval includes no change: the data cannot tell this difference from chance. ' : '',
    'This is an observational comparison: the markets differ in more than the program, so it does not prove the program caused the change.',
  ].join('');
}
