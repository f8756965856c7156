import { addDays, daysBetween } from '../platform/calendar/iso-days.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { roundMme } from '../reference/index.ts';
import { fillSteps } from './fill-steps.ts';
import { parseRiskConfig, type RiskConfig } from './risk-config.ts';
import { withRuleLock } from './rule-lock.ts';
import { runRuleSteps } from './rule-step.ts';
import { loadRuleTables } from './rule-tables.ts';
import { scopeClaims } from './scope-claims.ts';

export interface DailyMme {
  date: string;
  mme: number;
}

/** A member's MME on each day from `from` to `to` (RISK-RULES §4: the sum of the opioid fills covering the day). */
export async function dailyMmeSeries(
  warehouse: Warehouse,
  memberId: string,
  from: string,
  to: string,
  options: { config?: RiskConfig } = {},
): Promise<DailyMme[]> {
  const span = daysBetween(from, to) + 1;
  if (!(span >= 1)) return [];
  const base = options.config ?? parseRiskConfig({});
  // The long window is stretched to the chart's range so every fill reaching it is read.
  const config: RiskConfig = { ...base, windows: { ...base.windows, longDays: Math.max(span, 1) } };
  const fills = await withRuleLock(warehouse, async () => {
    await loadRuleTables(warehouse, config, { asOf: to, memberId });
    await runRuleSteps(warehouse, fillSteps.slice(0, 2), undefined, await scopeClaims(warehouse, memberId));
    return warehouse.all<{ fill_date: string; end_date: string; daily_mme: number | null }>(
      `select fill_date, end_date, daily_mme from rk_fill where fill_kind = 'opioid' order by fill_date, claim_id`,
    );
  });
  return sumDailyMme(fills, from, span);
}

/** RISK-RULES §4 per day: the unrounded daily MME of the opioid fills covering it, summed, then rounded. */
export function sumDailyMme(
  fills: ReadonlyArray<{ fill_date: string; end_date: string; daily_mme: number | null }>,
  from: string,
  span: number,
): DailyMme[] {
  const dates = datesFrom(from, span);
  const series: DailyMme[] = [];
  for (const date of dates) {
    let mme = 0;
    for (const f of fills) if (f.fill_date <= date && date <= f.end_date) mme += f.daily_mme ?? 0;
    series.push({ date, mme: mme === 0 ? 0 : roundMme(mme) });
  }
  return series;
}

// The member view sums many members' series over the same window: the day list is made once.
let lastDates: { from: string; span: number; dates: readonly string[] } | undefined;

/** The `span` ISO dates from `from` on. */
function datesFrom(from: string, span: number): readonly string[] {
  if (lastDates?.from === from && lastDates.span === span) return lastDates.dates;
  const dates = Array.from({ length: Math.max(0, span) }, (_, i) => addDays(from, i));
  lastDates = { from, span, dates };
  return dates;
}
