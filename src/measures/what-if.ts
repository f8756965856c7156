import { type Warehouse, withOwnConnection } from '../platform/warehouse/warehouse.ts';
import { focusMarkets } from '../reference/index.ts';
import { parseRiskConfig, type RiskConfig, runCheckpointSandbox } from '../risk/index.ts';
import { type CountCell, isSmall, type SumGroup, suppressComplementary } from './suppress.ts';

/** One market's answer: candidates now, with the change, and who would be added or left out. */
export interface WhatIfRow {
  market: string;
  now: number | null;
  withChange: number | null;
  added: number | null;
  removed: number | null;
}

export interface WhatIfResult {
  asOf: string;
  /** The configuration parts changed, as given. */
  changes: Record<string, unknown>;
  rows: WhatIfRow[];
}

const counts = ['now', 'withChange', 'added', 'removed', 'both'] as const;
type Count = (typeof counts)[number];

/**
 * "If HIGH_MME were 50 instead of 90, how many more members would the checkpoint reach, by
 * market?" The rules run twice in a sandbox (the configuration in force and the changed one),
 * opening no case and recording no run; only counts by market leave the warehouse, with
 * counts of 1–10 suppressed and their complements (now = both + removed, with the change =
 * both + added, all focus markets = the sum of the markets).
 */
export async function computeWhatIf(
  warehouse: Warehouse,
  options: { asOf: string; current: RiskConfig; changes: Record<string, unknown> },
): Promise<WhatIfResult> {
  const changed = parseRiskConfig(mergeConfig(options.current, options.changes));
  const rows = await withOwnConnection(warehouse, async (w) => {
    await runCheckpointSandbox(w, options.current, options.asOf, 'wi_now');
    await runCheckpointSandbox(w, changed, options.asOf, 'wi_changed');
    return w.all<{ market: string; now: number; changed: number; both: number }>(
      `with members as (
         select coalesce(n.member_id, c.member_id) as member_id, coalesce(n.market, c.market) as market,
                n.member_id is not null as in_now, c.member_id is not null as in_changed
         from wi_now n full outer join wi_changed c on c.member_id = n.member_id
       )
       select market, sum(case when in_now then 1 else 0 end) as now,
              sum(case when in_changed then 1 else 0 end) as changed,
              sum(case when in_now and in_changed then 1 else 0 end) as both
       from members group by market`,
    );
  });
  const markets = [...focusMarkets, 'other'];
  const cells = new Map<string, CountCell>();
  const put = (count: Count, market: string, value: number) =>
    cells.set(`${count}|${market}`, { value, shown: count !== 'both', suppressed: isSmall(value) });
  const totals = new Map<Count, number>(counts.map((c) => [c, 0]));
  for (const market of markets) {
    const r = rows.find((x) => x.market === market);
    const now = Number(r?.now ?? 0);
    const changed = Number(r?.changed ?? 0);
    const both = Number(r?.both ?? 0);
    const values: Record<Count, number> = {
      now,
      withChange: changed,
      added: changed - both,
      removed: now - both,
      both,
    };
    for (const c of counts) {
      put(c, market, values[c]);
      if (market !== 'other') totals.set(c, totals.get(c)! + values[c]);
    }
  }
  for (const c of counts) put(c, 'focus', totals.get(c)!);
  const groups: SumGroup[] = [];
  for (const market of [...markets, 'focus']) {
    groups.push({ total: `now|${market}`, parts: [`both|${market}`, `removed|${market}`] });
    groups.push({ total: `withChange|${market}`, parts: [`both|${market}`, `added|${market}`] });
  }
  for (const c of counts) groups.push({ total: `${c}|focus`, parts: focusMarkets.map((m) => `${c}|${m}`) });
  // With the change = now + added − left out: where added or left out is hidden, so is the
  // count with the change (now and it would give their difference away).
  // Repeated until nothing more hides: a complement may hide another market's added count.
  const hiddenCount = () => [...cells.values()].filter((c) => c.suppressed).length;
  let before = -1;
  while (before !== hiddenCount()) {
    before = hiddenCount();
    for (const market of [...markets, 'focus'])
      if (cells.get(`added|${market}`)!.suppressed || cells.get(`removed|${market}`)!.suppressed)
        cells.get(`withChange|${market}`)!.suppressed = true;
    suppressComplementary(cells, groups);
  }
  const shown = (count: Count, market: string) => {
    const cell = cells.get(`${count}|${market}`)!;
    return cell.suppressed ? null : cell.value;
  };
  return {
    asOf: options.asOf,
    changes: options.changes,
    rows: [...focusMarkets, 'focus', 'other'].map((market) => ({
      market,
      now: shown('now', market),
      withChange: shown('withChange', market),
      added: shown('added', market),
      removed: shown('removed', market),
    })),
  };
}

/** The configuration in force with the changed parts laid over it (one level of nesting, as the rules have). */
function mergeConfig(current: RiskConfig, changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    const base = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && base && typeof base === 'object'
        ? { ...(base as object), ...(value as object) }
        : value;
  }
  return out;
}
