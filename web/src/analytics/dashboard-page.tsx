import { useMemo, useState } from 'react';
import {
  followUpChart,
  funnelChart,
  goalTable,
  moudChart,
  opioidUseChart,
  overdoseRateChart,
} from '../../../src/measures/charts/measure-charts.ts';
import { didWords, marketName, marketsOf, rowOf } from '../../../src/measures/measure-words.ts';
import { planTypes } from '../../../src/measures/plan-types.ts';
import { ErrorNotice } from '../ui/notice.tsx';
import {
  defaultRange,
  downloadHref,
  type MeasuresFilter,
  type MeasuresResult,
  useMeasures,
} from './analytics-api.ts';
import { MeasureChartView, MeasureTableView } from './measure-chart.tsx';
import { WhatIfPanel } from './what-if-panel.tsx';

/** Keeps only the rows of one market (the comparison group stays, to compare with). */
function forMarket(result: MeasuresResult, market: string): MeasuresResult {
  if (market === 'all') return result;
  return { ...result, rows: result.rows.filter((r) => r.market === market || r.market === 'other') };
}

function Filters({
  filter,
  onChange,
  markets,
}: {
  filter: MeasuresFilter & { market: string };
  onChange: (f: MeasuresFilter & { market: string }) => void;
  markets: string[];
}) {
  return (
    <fieldset className="row wrap filters">
      <legend className="sr-only">Filters</legend>
      <label htmlFor="measures-from">From</label>
      <input
        id="measures-from"
        type="month"
        value={filter.from}
        onChange={(e) => e.target.value && onChange({ ...filter, from: e.target.value })}
      />
      <label htmlFor="measures-to">To</label>
      <input
        id="measures-to"
        type="month"
        value={filter.to}
        onChange={(e) => e.target.value && onChange({ ...filter, to: e.target.value })}
      />
      <label htmlFor="measures-market">Market</label>
      <select
        id="measures-market"
        value={filter.market}
        onChange={(e) => onChange({ ...filter, market: e.target.value })}
      >
        <option value="all">Every market</option>
        {markets.map((m) => (
          <option key={m} value={m}>
            {marketName(m)}
          </option>
        ))}
      </select>
      <label htmlFor="measures-plan-type">Plan type</label>
      <select
        id="measures-plan-type"
        value={filter.planType ?? ''}
        onChange={(e) => {
          const { planType: _, ...rest } = filter;
          onChange(e.target.value ? { ...rest, planType: e.target.value } : rest);
        }}
      >
        <option value="">Every plan type</option>
        {planTypes.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

/**
 * The program analyst's and supervisor's dashboard: is the overdose rate in each focus market
 * 25 % below its baseline? The charts are the PDF report's own (ECharts); every chart has its
 * table and CSV; the whole result downloads as CSV and as the PDF report.
 */
export function DashboardPage() {
  const [filter, setFilter] = useState<MeasuresFilter & { market: string }>({
    ...defaultRange(),
    market: 'all',
  });
  const { market, ...query } = filter;
  const measures = useMeasures(query);
  const shown = useMemo(
    () => (measures.data ? forMarket(measures.data, market) : undefined),
    [measures.data, market],
  );
  const allMarkets = measures.data ? marketsOf(measures.data.rows) : [];
  const trendMarket = market === 'all' ? 'focus' : market;
  return (
    <div className="stack">
      <div className="row wrap">
        <h1>Program measures</h1>
        <span className="spacer" />
        <a className="button" href={downloadHref(query, 'csv')} download>
          Download CSV
        </a>
        <a className="button" href={downloadHref(query, 'pdf')} download>
          Download the program report (PDF)
        </a>
      </div>
      <Filters filter={filter} onChange={setFilter} markets={allMarkets} />
      {measures.isError && <ErrorNotice error={measures.error} />}
      {measures.isPending && <p className="loading">Computing the measures…</p>}
      {measures.data && shown && (
        <>
          {measures.data.dataNotes.map((note) => (
            <p key={note} className="notice warning" role="note">
              {note}
            </p>
          ))}
          <p className="muted small">
            Measures version {measures.data.measureVersion}; program start {measures.data.programStart}
            {query.planType ? `; ${query.planType} plans only` : ''}. Counts of 1 to 10, and anything computed
            from them, are suppressed, as are the cells that would give them away.
          </p>
          <section className="panel" aria-labelledby="goal-title">
            <h2 id="goal-title">Are overdoses down 25 %?</h2>
            <MeasureTableView table={goalTable(shown)} />
            <p>{didWords(rowOf(measures.data.rows, 'did_ratio', 'focus', { period: 'latest12' }))}</p>
          </section>
          <section className="panel" aria-labelledby="trend-title">
            <h2 id="trend-title">Overdose rate by month</h2>
            <MeasureChartView chart={overdoseRateChart(measures.data, trendMarket)} table="folded" />
            {market === 'all' && (
              <div className="small-multiples">
                {allMarkets
                  .filter((m) => m !== 'focus')
                  .map((m) => (
                    <div key={m}>
                      <h3>{marketName(m)}</h3>
                      <MeasureChartView
                        chart={overdoseRateChart(measures.data, m)}
                        height={140}
                        table="folded"
                      />
                    </div>
                  ))}
              </div>
            )}
          </section>
          <section className="panel" aria-labelledby="funnel-title">
            <h2 id="funnel-title">
              Outreach funnel, {measures.data.from} to {measures.data.to}
            </h2>
            <MeasureChartView chart={funnelChart(measures.data, trendMarket)} height={200} />
          </section>
          <section className="panel" aria-labelledby="follow-up-title">
            <h2 id="follow-up-title">Follow-up after an emergency</h2>
            <MeasureChartView chart={followUpChart(shown)} />
          </section>
          <section className="panel" aria-labelledby="moud-title">
            <h2 id="moud-title">MOUD continuity</h2>
            <MeasureChartView chart={moudChart(shown)} />
          </section>
          <section className="panel" aria-labelledby="opioid-title">
            <h2 id="opioid-title">Opioid use</h2>
            <MeasureChartView chart={opioidUseChart(shown)} />
          </section>
          <WhatIfPanel />
        </>
      )}
    </div>
  );
}
