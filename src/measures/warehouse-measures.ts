import { addDays } from '../platform/calendar/iso-days.ts';
import { createTempTable, insertRows } from '../platform/warehouse/temp-tables.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { type RiskConfig, runClaimHitsBetween, runFactorsAsOf, runRuleSteps } from '../risk/index.ts';
import { fuaSteps } from './fua-steps.ts';
import { type CellMap, cellOf } from './measure-cells.ts';
import type { MeasureConfig } from './measure-config.ts';
import { measureSteps } from './measure-steps.ts';
import { monthBounds, monthIndex } from './months.ts';
import { moudSteps } from './moud-steps.ts';

/** An outreach referral the funnel follows into the claims: the case, its member, the referral day. */
export interface FunnelReferral {
  caseId: string;
  memberId: string;
  referredOn: string;
}

/**
 * Runs the measure steps over the months (on one connection: temp tables) and adds their
 * counts by market and month to `cells`; answers which referred cases started treatment.
 */
export async function measureWarehouse(
  warehouse: Warehouse,
  options: {
    months: readonly string[];
    config: MeasureConfig;
    riskConfig: RiskConfig;
    referrals: FunnelReferral[];
    /** Only members enrolled in plans of this type (HMO, EPO, POS, PPO). */
    planType?: string | undefined;
    /** The funnel's cases: with a plan type, only those whose member is in scope that month count. */
    cases: readonly { caseId: string; memberId: string; month: string }[];
  },
  cells: CellMap,
): Promise<{ started: Set<string>; inScope: Set<string> | null }> {
  const { months } = options;
  const first = monthBounds(months[0]!).start;
  const last = monthBounds(months.at(-1)!).end;
  // Claims from a W365 before the first month: the §5 exclusions as of its last day look back
  // that far (the 31 days before a MOUD episode, the 7-day event merge and the 31-day ED visit
  // merge less).
  const claimsFrom = addDays(first, -options.riskConfig.windows.longDays);
  await runClaimHitsBetween(warehouse, options.riskConfig, { from: claimsFrom, to: last });
  await runFactorsAsOf(
    warehouse,
    options.riskConfig,
    months.map((m) => monthBounds(m).end),
  );
  await createTempTable(
    warehouse,
    'ms_month',
    'month varchar, start_date date, end_date date, month_index integer',
  );
  await insertRows(
    warehouse,
    'ms_month',
    'cast(? as varchar), cast(? as date), cast(? as date), cast(? as integer)',
    months.map((m) => {
      const b = monthBounds(m);
      return [m, b.start, b.end, monthIndex(m)];
    }),
  );
  await createTempTable(warehouse, 'ms_focus_market', 'market varchar');
  await insertRows(
    warehouse,
    'ms_focus_market',
    'cast(? as varchar)',
    options.config.focusMarkets.map((m) => [m]),
  );
  await createTempTable(
    warehouse,
    'ms_range',
    'claims_from date, first_day date, data_end date, plan_type varchar',
  );
  await insertRows(
    warehouse,
    'ms_range',
    'cast(? as date), cast(? as date), cast(? as date), cast(? as varchar)',
    [[claimsFrom, first, last, options.planType ?? null]],
  );
  await createTempTable(warehouse, 'ms_case', 'case_id varchar, member_id varchar, month_index integer');
  await insertRows(
    warehouse,
    'ms_case',
    'cast(? as varchar), cast(? as varchar), cast(? as integer)',
    (options.planType ? options.cases : []).map((c) => [c.caseId, c.memberId, monthIndex(c.month)]),
  );
  await createTempTable(warehouse, 'ms_referral', 'case_id varchar, member_id varchar, referred_on date');
  await insertRows(
    warehouse,
    'ms_referral',
    'cast(? as varchar), cast(? as varchar), cast(? as date)',
    options.referrals.map((r) => [r.caseId, r.memberId, r.referredOn]),
  );
  await runRuleSteps(warehouse, [...measureSteps, ...moudSteps, ...fuaSteps]);

  const read = (sql: string) =>
    warehouse.all<{ market: string; month: string } & Record<string, number | string | null>>(sql);
  for (const r of await read('select market, month, n from ms_member_month_count'))
    cellOf(cells, r.market, r.month).memberMonths = Number(r.n);
  for (const r of await read(
    'select market, month, count(*) as n from ms_overdose_event group by market, month',
  ))
    cellOf(cells, r.market, r.month).overdoseEvents = Number(r.n);
  for (const r of await read(
    `select market, month, count(distinct member_id) as users, count(*) as fills, sum(daily_mme) as mme
     from ms_opioid_fill group by market, month`,
  )) {
    const c = cellOf(cells, r.market, r.month);
    c.opioidUsers = Number(r.users);
    c.opioidFills = Number(r.fills);
    c.mmeSum = Number(r.mme ?? 0);
  }
  for (const r of await read(
    `select market, month, sum(case when high_mme then 1 else 0 end) as high_mme,
            sum(case when opioid_benzo then 1 else 0 end) as opioid_benzo
     from ms_opioid_user group by market, month`,
  )) {
    const c = cellOf(cells, r.market, r.month);
    c.highMmeUsers = Number(r.high_mme);
    c.opioidBenzoUsers = Number(r.opioid_benzo);
  }
  for (const r of await read(
    `select market, month, count(*) as n,
            sum(case when follow_up_days <= 7 then 1 else 0 end) as within7,
            sum(case when follow_up_days <= 30 then 1 else 0 end) as within30
     from ms_fua_visit group by market, month`,
  )) {
    const c = cellOf(cells, r.market, r.month);
    c.fuaVisits = Number(r.n);
    c.fua7 = Number(r.within7);
    c.fua30 = Number(r.within30);
  }
  for (const r of await read(
    `select market, month, count(*) as n, sum(case when reached_180 then 1 else 0 end) as reached
     from ms_moud_episode group by market, month`,
  )) {
    const c = cellOf(cells, r.market, r.month);
    c.moudEpisodes = Number(r.n);
    c.moudReached180 = Number(r.reached);
  }
  const started = await warehouse.all<{ case_id: string }>('select case_id from ms_treatment_started');
  const inScope = options.planType
    ? await warehouse.all<{ case_id: string }>(
        `select c.case_id from ms_case c
         where exists (select 1 from ms_member_span s where s.member_id = c.member_id
                         and c.month_index between s.m_start and s.m_end)`,
      )
    : null;
  return {
    started: new Set(started.map((r) => r.case_id)),
    inScope: inScope && new Set(inScope.map((r) => r.case_id)),
  };
}
