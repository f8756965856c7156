import type { MeasuresResult } from '../compute-measures.ts';
import type { MeasureCode } from '../measure-row.ts';
import {
  count,
  goalRatio,
  goalWords,
  interval,
  marketName,
  marketsOf,
  monthsOf,
  percent,
  rowOf,
  shown,
} from '../measure-words.ts';
import { chartBase, type MeasureChart, palette } from './chart-types.ts';

/** The next round number at or above x (1, 2, 2.5, 5 × a power of ten). */
function niceCeiling(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((step) => step * power >= x) ?? 10) * power;
}

const shownValue = (row: { suppressed: boolean; value: number | null } | undefined) =>
  row && !row.suppressed ? row.value : null;

/**
 * The overdose rate per 1,000 member-years by month for one market, its 95 % interval as a band,
 * the baseline rate and the goal line (0.75 × baseline). Suppressed months are gaps.
 */
export function overdoseRateChart(result: MeasuresResult, market: string): MeasureChart {
  const months = monthsOf(result.rows);
  const rows = months.map((m) => rowOf(result.rows, 'overdose_rate', market, { month: m }));
  const base = shownValue(rowOf(result.rows, 'overdose_rate', market, { period: 'baseline' }));
  const low = rows.map((r) => (shownValue(r) === null ? null : r!.ciLow));
  const band = rows.map((r, i) => (shownValue(r) === null || low[i] === null ? null : r!.ciHigh! - low[i]!));
  // The axis follows the rates and the baseline, not the interval (with few events its upper end
  // dwarfs the line); the band is clipped there, and the table gives every interval.
  const highest = Math.max(0, base ?? 0, ...rows.map((r) => shownValue(r) ?? 0));
  const yMax = highest > 0 ? niceCeiling(highest * 1.6) : undefined;
  const lines =
    base === null
      ? []
      : [
          { name: 'baseline', yAxis: base, lineStyle: { color: palette.baseline } },
          {
            name: 'goal',
            yAxis: Math.round(base * goalRatio * 100) / 100,
            lineStyle: { color: palette.goal },
          },
        ];
  return {
    id: `overdose-rate-${market}`,
    title: `${marketName(market)}: overdose rate by month`,
    summary: `${marketName(market)}: overdose rate per 1,000 member-years by month with its 95 % interval${
      base !== null
        ? `; baseline ${base.toFixed(2)}, goal ${(base * goalRatio).toFixed(2)}`
        : '; baseline suppressed or none'
    }. Suppressed months are left blank.`,
    option: {
      ...chartBase,
      xAxis: { type: 'category', data: months, axisLabel: { formatter: (m: string) => m.slice(2) } },
      yAxis: {
        type: 'value',
        ...(yMax === undefined ? {} : { max: yMax }),
        name: 'per 1,000 member-years',
        nameTextStyle: { align: 'left' },
        splitLine: { lineStyle: { color: palette.grid } },
      },
      series: [
        {
          name: 'interval low',
          type: 'line',
          data: low,
          stack: 'interval',
          lineStyle: { opacity: 0 },
          symbol: 'none',
          silent: true,
        },
        {
          name: '95 % interval',
          type: 'line',
          data: band,
          stack: 'interval',
          lineStyle: { opacity: 0 },
          areaStyle: { color: palette.band, opacity: 0.6 },
          symbol: 'none',
          silent: true,
        },
        {
          name: 'overdose rate',
          type: 'line',
          data: rows.map(shownValue),
          color: palette.rate,
          symbolSize: 4,
          connectNulls: false,
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed' },
            label: { formatter: '{b}', position: 'end' },
            data: lines,
          },
        },
      ],
    },
    table: {
      caption: `${marketName(market)}: overdose events and rate per 1,000 member-years by month`,
      head: ['Month', 'Events', 'Member-years', 'Rate', '95 % interval'],
      rows: months.map((m, i) => {
        const r = rows[i];
        return [
          m,
          count(r),
          r?.denominator === null || !r ? '—' : String(r.denominator),
          shown(r),
          interval(r),
        ];
      }),
    },
  };
}

const funnelSteps: [MeasureCode, string][] = [
  ['funnel_identified', 'Identified'],
  ['funnel_attempted', 'Called'],
  ['funnel_reached', 'Reached'],
  ['funnel_engaged', 'Engaged'],
  ['funnel_treatment_started', 'Started treatment'],
];

/** The outreach funnel over the range, for one market or all focus markets. */
export function funnelChart(result: MeasuresResult, market = 'focus'): MeasureChart {
  const rows = funnelSteps.map(([m]) => rowOf(result.rows, m, market, { period: 'range' }));
  const median = rowOf(result.rows, 'days_to_first_attempt_median', market, { period: 'range' });
  const p90 = rowOf(result.rows, 'days_to_first_attempt_p90', market, { period: 'range' });
  return {
    id: `funnel-${market}`,
    title: `Outreach funnel, ${marketName(market)}`,
    summary: `Outreach funnel for ${marketName(market)}, ${result.from} to ${result.to}: ${funnelSteps
      .map(([, label], i) => `${label} ${count(rows[i])}`)
      .join(', ')}.`,
    option: {
      ...chartBase,
      grid: { ...chartBase.grid, left: 110 },
      yAxis: { type: 'category', inverse: true, data: funnelSteps.map(([, label]) => label) },
      xAxis: { type: 'value', name: 'cases', splitLine: { lineStyle: { color: palette.grid } } },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => (r && !r.suppressed ? r.numerator : null)),
          color: palette.rate,
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: unknown }) =>
              p.value === null || p.value === undefined ? 'suppressed' : String(p.value),
          },
        },
      ],
    },
    table: {
      caption: `Outreach funnel, ${marketName(market)}, ${result.from} to ${result.to}`,
      head: ['Step', 'Cases'],
      rows: [
        ...funnelSteps.map(([, label], i) => [label, count(rows[i])]),
        ['Business days to first call, median', shown(median, 0)],
        ['Business days to first call, 90th percentile', shown(p90, 0)],
      ],
    },
  };
}

/** A grouped bar per market of shares over the range (follow-up, MOUD continuity, opioid use). */
function sharesByMarket(
  result: MeasuresResult,
  spec: { id: string; title: string; series: [MeasureCode, string][]; denominator: string },
): MeasureChart {
  const markets = marketsOf(result.rows);
  const rowsOf = (measure: MeasureCode) =>
    markets.map((m) => rowOf(result.rows, measure, m, { period: 'range' }));
  const colors = [palette.rate, palette.second, palette.goal];
  return {
    id: spec.id,
    title: spec.title,
    summary: `${spec.title}, ${result.from} to ${result.to}, by market: ${markets
      .map(
        (m, i) =>
          `${marketName(m)} ${spec.series.map(([measure]) => percent(rowsOf(measure)[i])).join(' / ')}`,
      )
      .join('; ')}.`,
    option: {
      ...chartBase,
      legend: { top: 0, data: spec.series.map(([, label]) => label) },
      grid: { ...chartBase.grid, top: 36, bottom: 64 },
      xAxis: { type: 'category', data: markets, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: {
        type: 'value',
        max: 100,
        axisLabel: { formatter: '{value} %' },
        splitLine: { lineStyle: { color: palette.grid } },
      },
      series: spec.series.map(([measure, label], k) => ({
        name: label,
        type: 'bar',
        color: colors[k] ?? palette.rate,
        data: rowsOf(measure).map((r) => {
          const v = shownValue(r);
          return v === null ? null : Math.round(v * 1000) / 10;
        }),
      })),
    },
    table: {
      caption: `${spec.title}, ${result.from} to ${result.to}`,
      head: ['Market', spec.denominator, ...spec.series.map(([, label]) => label)],
      rows: markets.map((m, i) => {
        const first = rowsOf(spec.series[0]![0])[i];
        return [
          marketName(m),
          first?.denominator === null || !first
            ? first?.suppressed
              ? 'suppressed'
              : '—'
            : String(first.denominator),
          ...spec.series.map(([measure]) => percent(rowsOf(measure)[i])),
        ];
      }),
    },
  };
}

export const followUpChart = (result: MeasuresResult) =>
  sharesByMarket(result, {
    id: 'follow-up',
    title: 'Follow-up after an ED visit for SUD or overdose',
    series: [
      ['fua_7', 'Within 7 days'],
      ['fua_30', 'Within 30 days'],
    ],
    denominator: 'ED visits',
  });

export const moudChart = (result: MeasuresResult) =>
  sharesByMarket(result, {
    id: 'moud-continuity',
    title: 'New MOUD episodes reaching 180 days',
    series: [['moud_continuity_180', 'Reaching 180 days']],
    denominator: 'New episodes',
  });

export const opioidUseChart = (result: MeasuresResult) =>
  sharesByMarket(result, {
    id: 'opioid-use',
    title: 'Opioid users with high MME or with a benzodiazepine',
    series: [
      ['high_mme_share', 'High MME'],
      ['opioid_benzo_share', 'Opioid + benzodiazepine'],
    ],
    denominator: 'Opioid user-months',
  });

/** The goal table: each market's baseline and latest 12 months, their ratio and the goal. */
export function goalTable(result: MeasuresResult) {
  return {
    caption: `Overdose rate per 1,000 member-years: baseline (${result.baseline.from} to ${result.baseline.to}) and latest 12 months (${result.latest12.from} to ${result.latest12.to})`,
    head: ['Market', 'Baseline', 'Latest 12 months', 'Ratio (95 % interval)', '25 % goal'],
    rows: marketsOf(result.rows).map((m) => {
      const goal = rowOf(result.rows, 'goal_ratio', m, { period: 'latest12' });
      return [
        marketName(m),
        shown(rowOf(result.rows, 'overdose_rate', m, { period: 'baseline' })),
        shown(rowOf(result.rows, 'overdose_rate', m, { period: 'latest12' })),
        `${shown(goal)}${interval(goal) ? ` (${interval(goal)})` : ''}`,
        m === 'other' ? 'comparison group' : goalWords(goal),
      ];
    }),
  };
}
