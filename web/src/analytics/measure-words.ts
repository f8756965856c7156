import { marketNames as referenceMarketNames } from '../../../src/reference/markets.ts';
import type { MeasureRow } from './analytics-api.ts';

/** Each market's name, and the two groups the measures add. */
export const marketNames: Record<string, string> = {
  ...referenceMarketNames,
  focus: 'All focus markets',
  other: 'Outside the focus markets',
};

/** A value as a cell shows it: "suppressed" for a small cell, "—" when there is nothing to compute. */
export function shown(row: MeasureRow | undefined, digits = 2): string {
  if (!row) return '—';
  if (row.suppressed) return 'suppressed';
  return row.value === null ? '—' : row.value.toFixed(digits);
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
  const met = goal.value <= 0.75;
  const sure = goal.ciHigh !== null && goal.ciHigh <= 0.75;
  const spansNoChange = goal.ciLow !== null && goal.ciHigh !== null && goal.ciLow <= 1 && goal.ciHigh >= 1;
  if (met && sure) return 'Goal met (the whole interval is at or below 0.75)';
  if (met) return 'At the goal, but the interval reaches above 0.75';
  if (spansNoChange) return 'Not met; the interval includes no change';
  return 'Not met';
}
