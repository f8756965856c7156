import { type CellMap, type MonthCells, sumCells } from './measure-cells.ts';
import type { MeasureCode, MeasureRow, Period } from './measure-row.ts';
import { garwood, ratioInterval } from './poisson.ts';
import { type CountCell, isSmall, type SumGroup, suppressComplementary } from './suppress.ts';

type Count = Exclude<keyof MonthCells, 'mmeSum' | 'daysToFirstAttempt'>;
const counts: readonly Count[] = [
  'memberMonths',
  'overdoseEvents',
  'opioidUsers',
  'opioidFills',
  'highMmeUsers',
  'opioidBenzoUsers',
  'fuaVisits',
  'fua7',
  'fua30',
  'moudEpisodes',
  'moudReached180',
  'identified',
  'attempted',
  'reached',
  'engaged',
  'treatmentStarted',
];

export interface RowPlan {
  focusMarkets: readonly string[];
  /** The months shown one by one (`--from` … `--to`). */
  range: readonly string[];
  baseline: readonly string[];
  latest12: readonly string[];
  /** false only to compare against the truth in tests. */
  suppress?: boolean;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null;
};

/**
 * The rows of the measures output (RISK-RULES §10) from the counts by market and month:
 * each measure per market and month of the range, and per market for the range, the
 * baseline and the latest 12 months; 'focus' is all focus markets together; then the goal
 * ratio and the difference in differences. Small cells and their complements suppressed.
 */
export function buildRows(cells: CellMap, plan: RowPlan): MeasureRow[] {
  const markets = [...plan.focusMarkets, 'focus', 'other'];
  const periods: Record<Period, readonly string[]> = {
    range: plan.range,
    baseline: plan.baseline,
    latest12: plan.latest12,
  };
  const allMonths = [...new Set([...plan.baseline, ...plan.range, ...plan.latest12])].sort();
  const membersOf = (market: string) => (market === 'focus' ? plan.focusMarkets : [market]);
  const slotMonths = (slot: string) =>
    slot.startsWith('p:') ? periods[slot.slice(2) as Period] : [slot.slice(2)];
  const slots = [...allMonths.map((m) => `m:${m}`), ...Object.keys(periods).map((p) => `p:${p}`)];
  const shownSlot = (slot: string) => slot.startsWith('p:') || plan.range.includes(slot.slice(2));

  const sums = new Map<string, MonthCells>();
  for (const market of markets)
    for (const slot of slots)
      sums.set(`${market}|${slot}`, sumCells(cells, membersOf(market), slotMonths(slot)));

  const countCells = new Map<string, CountCell>();
  const id = (count: Count, market: string, slot: string) => `${count}|${market}|${slot}`;
  for (const count of counts)
    for (const market of markets)
      for (const slot of slots) {
        const value = sums.get(`${market}|${slot}`)![count];
        countCells.set(id(count, market, slot), {
          value,
          shown: shownSlot(slot),
          suppressed: plan.suppress !== false && isSmall(value),
        });
      }
  if (plan.suppress !== false) {
    const groups: SumGroup[] = [];
    for (const count of counts) {
      for (const market of markets)
        for (const [p, months] of Object.entries(periods))
          groups.push({
            total: id(count, market, `p:${p}`),
            parts: months.map((m) => id(count, market, `m:${m}`)),
          });
      for (const slot of slots)
        groups.push({
          total: id(count, 'focus', slot),
          parts: plan.focusMarkets.map((m) => id(count, m, slot)),
        });
    }
    suppressComplementary(countCells, groups);
  }
  const hidden = (market: string, slot: string, used: readonly Count[]) =>
    used.some((c) => countCells.get(id(c, market, slot))!.suppressed);

  const rows: MeasureRow[] = [];
  const push = (
    measure: MeasureCode,
    market: string,
    slot: string,
    used: readonly Count[],
    row: Pick<MeasureRow, 'numerator' | 'denominator' | 'unit' | 'value'> & { ci?: [number, number] | null },
    /** Other slots the value is computed from (a ratio leans on the baseline too). */
    alsoFrom: readonly string[] = [],
  ) => {
    const suppressed = [slot, ...alsoFrom].some((s) => hidden(market, s, used));
    const month = slot.startsWith('m:') ? slot.slice(2) : null;
    const period = slot.startsWith('p:') ? (slot.slice(2) as Period) : null;
    rows.push({
      measure,
      market,
      month,
      period,
      numerator: suppressed ? null : row.numerator,
      denominator: suppressed && measure !== 'did_ratio' ? null : row.denominator,
      unit: row.unit,
      value: suppressed || row.value === null ? null : round(row.value),
      ciLow: suppressed || !row.ci ? null : round(row.ci[0]),
      ciHigh: suppressed || !row.ci ? null : round(row.ci[1]),
      suppressed,
    });
  };
  const rate = (events: number, memberMonths: number) => {
    const years = memberMonths / 12;
    return {
      value: years > 0 ? (events / years) * 1000 : null,
      ci: years > 0 ? (garwood(events).map((x) => (x / years) * 1000) as [number, number]) : null,
      years,
    };
  };

  for (const market of markets)
    for (const slot of slots.filter(shownSlot)) {
      const c = sums.get(`${market}|${slot}`)!;
      push('member_months', market, slot, ['memberMonths'], {
        numerator: c.memberMonths,
        denominator: null,
        unit: 'member-months',
        value: c.memberMonths,
      });
      const od = rate(c.overdoseEvents, c.memberMonths);
      push('overdose_rate', market, slot, ['overdoseEvents', 'memberMonths'], {
        numerator: c.overdoseEvents,
        denominator: round(od.years, 1),
        unit: 'per 1,000 member-years',
        value: od.value,
        ci: od.ci,
      });
      push('opioid_users', market, slot, ['opioidUsers', 'memberMonths'], {
        numerator: c.opioidUsers,
        denominator: c.memberMonths,
        unit: 'per 1,000 member-months',
        value: c.memberMonths > 0 ? (c.opioidUsers / c.memberMonths) * 1000 : null,
        ci:
          c.memberMonths > 0
            ? (garwood(c.opioidUsers).map((x) => (x / c.memberMonths) * 1000) as [number, number])
            : null,
      });
      push('average_mme', market, slot, ['opioidUsers', 'opioidFills'], {
        numerator: round(c.mmeSum),
        denominator: c.opioidFills,
        unit: 'MME per day, mean of opioid fills',
        value: c.opioidFills > 0 ? c.mmeSum / c.opioidFills : null,
      });
      for (const [measure, count, label] of [
        ['high_mme_share', 'highMmeUsers', 'HIGH_MME'],
        ['opioid_benzo_share', 'opioidBenzoUsers', 'OPIOID_BENZO_OVERLAP'],
      ] as const)
        push(measure, market, slot, [count, 'opioidUsers'], {
          numerator: c[count],
          denominator: c.opioidUsers,
          unit: `share of opioid users with ${label} as of the month's last day`,
          value: c.opioidUsers > 0 ? c[count] / c.opioidUsers : null,
        });
      for (const [measure, count, days] of [
        ['fua_7', 'fua7', 7],
        ['fua_30', 'fua30', 30],
      ] as const)
        push(measure, market, slot, [count, 'fuaVisits'], {
          numerator: c[count],
          denominator: c.fuaVisits,
          unit: `share of ED visits for SUD or overdose followed up within ${days} days`,
          value: c.fuaVisits > 0 ? c[count] / c.fuaVisits : null,
        });
      push('moud_continuity_180', market, slot, ['moudReached180', 'moudEpisodes'], {
        numerator: c.moudReached180,
        denominator: c.moudEpisodes,
        unit: 'share of new MOUD episodes reaching 180 days',
        value: c.moudEpisodes > 0 ? c.moudReached180 / c.moudEpisodes : null,
      });
      const funnel: [MeasureCode, Count][] = [
        ['funnel_identified', 'identified'],
        ['funnel_attempted', 'attempted'],
        ['funnel_reached', 'reached'],
        ['funnel_engaged', 'engaged'],
        ['funnel_treatment_started', 'treatmentStarted'],
      ];
      for (const [measure, count] of funnel)
        push(measure, market, slot, [count, 'identified'], {
          numerator: c[count],
          denominator: c.identified,
          unit: 'cases (denominator: identified)',
          value: c[count],
        });
      for (const [measure, p] of [
        ['days_to_first_attempt_median', 0.5],
        ['days_to_first_attempt_p90', 0.9],
      ] as const)
        push(measure, market, slot, ['attempted'], {
          numerator: null,
          denominator: c.attempted,
          unit: 'business days',
          value: percentile(c.daysToFirstAttempt, p),
        });
    }

  // The goal: latest 12 months ÷ baseline, per market; and against the comparison group.
  const periodRate = (market: string, p: Period) => {
    const c = sums.get(`${market}|p:${p}`)!;
    return { events: c.overdoseEvents, ...rate(c.overdoseEvents, c.memberMonths) };
  };
  const ratios = new Map<string, { ratio: number | null; counts: number[] }>();
  for (const market of markets) {
    const now = periodRate(market, 'latest12');
    const before = periodRate(market, 'baseline');
    const ratio = now.value !== null && before.value ? now.value / before.value : null;
    ratios.set(market, { ratio, counts: [now.events, before.events] });
    push(
      'goal_ratio',
      market,
      'p:latest12',
      ['overdoseEvents', 'memberMonths'],
      {
        numerator: now.events,
        denominator: before.events,
        unit: 'rate, latest 12 months ÷ baseline (goal ≤ 0.75)',
        value: ratio,
        ci: ratio === null ? null : ratioInterval(ratio, [now.events, before.events]),
      },
      ['p:baseline'],
    );
  }
  const other = ratios.get('other')!;
  for (const market of [...plan.focusMarkets, 'focus']) {
    const focus = ratios.get(market)!;
    const did = focus.ratio !== null && other.ratio ? focus.ratio / other.ratio : null;
    const allCounts = [...focus.counts, ...other.counts];
    const suppressed =
      allCounts.some(isSmall) && plan.suppress !== false
        ? true
        : [market, 'other'].some(
            (m) =>
              hidden(m, 'p:latest12', ['overdoseEvents', 'memberMonths']) ||
              hidden(m, 'p:baseline', ['overdoseEvents', 'memberMonths']),
          );
    rows.push({
      measure: 'did_ratio',
      market,
      month: null,
      period: 'latest12',
      numerator: null,
      denominator: null,
      unit: `(${market} latest 12 ÷ baseline) ÷ (other latest 12 ÷ baseline); observational`,
      value: suppressed || did === null ? null : round(did),
      ciLow: null,
      ciHigh: null,
      suppressed,
      ...(suppressed || did === null
        ? {}
        : (() => {
            const ci = ratioInterval(did, allCounts);
            return ci ? { ciLow: round(ci[0]), ciHigh: round(ci[1]) } : {};
          })()),
    });
  }
  return rows;
}
