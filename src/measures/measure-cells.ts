/** The aggregate counts the measures are computed from, by market and month: never a member. */
export interface MonthCells {
  memberMonths: number;
  overdoseEvents: number;
  opioidUsers: number;
  opioidFills: number;
  mmeSum: number;
  /** Opioid users of the month with HIGH_MME, with OPIOID_BENZO_OVERLAP as of its last day. */
  highMmeUsers: number;
  opioidBenzoUsers: number;
  /** Counted ED visits (the FUA denominator) and those followed up within 7 and 30 days. */
  fuaVisits: number;
  fua7: number;
  fua30: number;
  moudEpisodes: number;
  moudReached180: number;
  identified: number;
  attempted: number;
  reached: number;
  engaged: number;
  treatmentStarted: number;
  /** Business days from identification to the first attempt, one per attempted case (not a member row: no id). */
  daysToFirstAttempt: number[];
}

export const emptyCells = (): MonthCells => ({
  memberMonths: 0,
  overdoseEvents: 0,
  opioidUsers: 0,
  opioidFills: 0,
  mmeSum: 0,
  highMmeUsers: 0,
  opioidBenzoUsers: 0,
  fuaVisits: 0,
  fua7: 0,
  fua30: 0,
  moudEpisodes: 0,
  moudReached180: 0,
  identified: 0,
  attempted: 0,
  reached: 0,
  engaged: 0,
  treatmentStarted: 0,
  daysToFirstAttempt: [],
});

/** Cells keyed `market|month`. */
export type CellMap = Map<string, MonthCells>;
export const cellKey = (market: string, month: string) => `${market}|${month}`;

export function cellOf(cells: CellMap, market: string, month: string): MonthCells {
  const key = cellKey(market, month);
  return cells.get(key) ?? cells.set(key, emptyCells()).get(key)!;
}

/** The sum of the cells of some markets over some months. */
export function sumCells(cells: CellMap, markets: readonly string[], months: readonly string[]): MonthCells {
  const out = emptyCells();
  for (const market of markets)
    for (const month of months) {
      const c = cells.get(cellKey(market, month));
      if (!c) continue;
      for (const k of Object.keys(out) as (keyof MonthCells)[])
        if (k === 'daysToFirstAttempt') out.daysToFirstAttempt.push(...c.daysToFirstAttempt);
        else (out[k] as number) += c[k] as number;
    }
  return out;
}
