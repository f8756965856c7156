import { addDays } from '../platform/calendar/iso-days.ts';
import { createTempTable, insertRows } from '../platform/warehouse/temp-tables.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { highMme } from './factors/high-mme.ts';
import { opioidEpisodeSql, type RiskFactor } from './factors/index.ts';
import { opioidBenzoOverlap } from './factors/opioid-benzo-overlap.ts';
import { fillSteps } from './fill-steps.ts';
import type { RiskConfig } from './risk-config.ts';
import { runRuleSteps } from './rule-step.ts';
import { exclusionHits } from './rule-tables.ts';

/** The fill steps that measure a window; `rk_fill` stays as `runClaimHitsBetween` built it. */
const windowSteps = new Set(['rk_fill_window', 'rk_island', 'rk_coverage', 'rk_overlap', 'rk_window_metric']);

/** The prescribing factors the program measures count as of each month's last day (RISK-RULES §10). */
const monthFactors: ReadonlyArray<readonly [RiskFactor, string]> = [
  [highMme, 'high_mme'],
  [opioidBenzoOverlap, 'opioid_benzo'],
];

/**
 * After `runClaimHitsBetween` (whose claims must reach a W365 before the first day): HIGH_MME
 * and OPIOID_BENZO_OVERLAP of every member with opioid or benzodiazepine fills, as of each
 * given day, by the factors' own SQL and with the §5 exclusions (a cancer, sickle-cell or
 * hospice code in that day's W365). Builds `rk_day_factor (member_id, as_of, high_mme, opioid_benzo)`.
 */
export async function runFactorsAsOf(
  warehouse: Warehouse,
  config: RiskConfig,
  days: readonly string[],
): Promise<void> {
  const w = config.windows;
  await warehouse.run('delete from rk_window');
  await insertRows(
    warehouse,
    'rk_window',
    'cast(? as varchar), cast(? as date), cast(? as date)',
    days.map((d) => [d, addDays(d, -(w.shortDays - 1)), d]),
  );
  await runRuleSteps(
    warehouse,
    fillSteps.filter((s) => windowSteps.has(s.name)),
  );
  await createTempTable(warehouse, 'rk_day_exclusion_window', 'as_of date, start_date date');
  await insertRows(
    warehouse,
    'rk_day_exclusion_window',
    'cast(? as date), cast(? as date)',
    days.map((d) => [d, addDays(d, -(w.longDays - 1))]),
  );
  await runRuleSteps(warehouse, [
    {
      name: 'rk_day_factor',
      sql: `
        with measured as (
          select w.member_id, cast(w.window_name as date) as as_of, w.avg_mme, w.opioid_fill_dates,
                 w.opioid_days_supply, w.benzo_fill_dates, w.overlap_days
          from rk_window_metric w
        ), ruled as (
          select m.*, ${opioidEpisodeSql} as opioid_episode from measured m cross join rk_param p
        ), excluded as (
          select distinct h.member_id, x.as_of
          from rk_medical_hit h
          join rk_day_exclusion_window x on h.claim_date between x.start_date and x.as_of
          where h.hit in (${exclusionHits.map((h) => `'${h}'`).join(', ')})
        )
        select m.member_id, m.as_of,
               ${monthFactors.map(([f, column]) => `(${f.ruleSql}) and x.member_id is null as ${column}`).join(',\n               ')}
        from ruled m cross join rk_param p
        left join excluded x on x.member_id = m.member_id and x.as_of = m.as_of`,
    },
  ]);
}
