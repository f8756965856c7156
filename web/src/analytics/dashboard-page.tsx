import { useState } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ErrorNotice } from '../ui/notice.tsx';
import {
  csvHref,
  defaultRange,
  type MeasureRow,
  type MeasuresResult,
  rowOf,
  useMeasures,
} from './analytics-api.ts';
import { goalWords, interval, marketNames, shown } from './measure-words.ts';

const months = (r: MeasuresResult) => [...new Set(r.rows.filter((x) => x.month).map((x) => x.month!))].sort();
const marketsOf = (r: MeasuresResult) => [...new Set(r.rows.map((x) => x.market))];

/** The overdose rate by month for one market, with its baseline and the goal line (0.75 × baseline). */
function RateChart({
  result,
  market,
  height = 220,
}: {
  result: MeasuresResult;
  market: string;
  height?: number;
}) {
  const baseline = rowOf(result.rows, 'overdose_rate', market, { period: 'baseline' });
  const data = months(result).map((m) => {
    const row = rowOf(result.rows, 'overdose_rate', market, { month: m });
    return { month: m, rate: row && !row.suppressed ? row.value : null };
  });
  const base = baseline && !baseline.suppressed ? baseline.value : null;
  const label = `${marketNames[market] ?? market}: overdose rate per 1,000 member-years by month${
    base !== null
      ? `; baseline ${base.toFixed(2)}, goal ${(base * 0.75).toFixed(2)}`
      : '; baseline suppressed or none'
  }. Suppressed months are left blank.`;
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 8, right: 36, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#eceff2" vertical={false} />
          <XAxis dataKey="month" tickFormatter={(m: string) => m.slice(2)} fontSize={11} minTickGap={20} />
          <YAxis fontSize={11} />
          <Tooltip />
          {base !== null && (
            <ReferenceLine
              y={base}
              stroke="#7b8794"
              strokeDasharray="4 3"
              label={{ value: 'baseline', position: 'right', fontSize: 10 }}
            />
          )}
          {base !== null && (
            <ReferenceLine
              y={base * 0.75}
              stroke="#2f6f4f"
              strokeDasharray="4 3"
              label={{ value: 'goal', position: 'right', fontSize: 10 }}
            />
          )}
          <Line dataKey="rate" stroke="#1d4ed8" dot={false} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

function GoalTable({ result }: { result: MeasuresResult }) {
  return (
    <table>
      <caption>
        Overdose rate per 1,000 member-years: baseline ({result.baseline.from} to {result.baseline.to}) and
        latest 12 months ({result.latest12.from} to {result.latest12.to})
      </caption>
      <thead>
        <tr>
          <th scope="col">Market</th>
          <th scope="col">Baseline</th>
          <th scope="col">Latest 12 months</th>
          <th scope="col">Ratio (95 % interval)</th>
          <th scope="col">25 % goal</th>
        </tr>
      </thead>
      <tbody>
        {marketsOf(result).map((m) => {
          const goal = rowOf(result.rows, 'goal_ratio', m, { period: 'latest12' });
          return (
            <tr key={m}>
              <th scope="row">{marketNames[m] ?? m}</th>
              <td className="num">{shown(rowOf(result.rows, 'overdose_rate', m, { period: 'baseline' }))}</td>
              <td className="num">{shown(rowOf(result.rows, 'overdose_rate', m, { period: 'latest12' }))}</td>
              <td className="num">
                {shown(goal)} {interval(goal) && <span className="muted">({interval(goal)})</span>}
              </td>
              <td>{m === 'other' ? 'comparison group' : goalWords(goal)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The difference in differences, said plainly as the observational comparison it is. */
function DidSummary({ rows }: { rows: readonly MeasureRow[] }) {
  const did = rowOf(rows, 'did_ratio', 'focus', { period: 'latest12' });
  if (!did || did.suppressed || did.value === null)
    return (
      <p>
        The comparison with members outside the focus markets is suppressed: too few overdoses to show it.
      </p>
    );
  const spans = did.ciLow !== null && did.ciHigh !== null && did.ciLow <= 1 && did.ciHigh >= 1;
  return (
    <p>
      Compared with members outside the focus markets, the overdose rate in the focus markets changed by a
      factor of <strong>{did.value.toFixed(2)}</strong>
      {did.ciLow !== null &&
        did.ciHigh !== null &&
        ` (95 % interval ${did.ciLow.toFixed(2)} to ${did.ciHigh.toFixed(2)})`}{' '}
      more than it did outside them, from the baseline to the latest 12 months.{' '}
      {spans && 'The interval includes no change: the data cannot tell this difference from chance. '}
      This is an observational comparison: the markets differ in more than the program, so it does not prove
      the program caused the change.
    </p>
  );
}

function RangeTable({
  result,
  measures,
  caption,
}: {
  result: MeasuresResult;
  measures: [MeasureRow['measure'], string][];
  caption: string;
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Market</th>
          {measures.map(([, label]) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {marketsOf(result).map((m) => (
          <tr key={m}>
            <th scope="row">{marketNames[m] ?? m}</th>
            {measures.map(([measure, label]) => {
              const row = rowOf(result.rows, measure, m, { period: 'range' });
              const isCount = measure.startsWith('funnel');
              return (
                <td key={label} className="num">
                  {row?.suppressed ? 'suppressed' : isCount ? (row?.numerator ?? '—') : shown(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The program analyst's and supervisor's dashboard: is the overdose rate in each focus market
 * 25 % below its baseline? Every chart has its table; the CSV has every row. Synthetic demo
 * data says so on the demo.
 */
export function DashboardPage() {
  const [range, setRange] = useState(defaultRange);
  const [market, setMarket] = useState('focus');
  const measures = useMeasures(range.from, range.to);
  return (
    <div className="stack">
      <div className="row wrap">
        <h1>Program measures</h1>
        <span className="spacer" />
        <label htmlFor="measures-from">From</label>
        <input
          id="measures-from"
          type="month"
          value={range.from}
          onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
        />
        <label htmlFor="measures-to">To</label>
        <input
          id="measures-to"
          type="month"
          value={range.to}
          onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
        />
        <a className="button" href={csvHref(range.from, range.to)} download>
          Download CSV
        </a>
      </div>
      {measures.isError && <ErrorNotice error={measures.error} />}
      {measures.isPending && <p className="loading">Computing the measures…</p>}
      {measures.data && (
        <>
          <p className="muted small">
            Measures version {measures.data.measureVersion}; program start {measures.data.programStart}.
            Counts of 1 to 10, and anything computed from them, are suppressed, as are the cells that would
            give them away.
          </p>
          <section className="panel" aria-labelledby="goal-title">
            <h2 id="goal-title">Are overdoses down 25 %?</h2>
            <GoalTable result={measures.data} />
            <DidSummary rows={measures.data.rows} />
          </section>
          <section className="panel" aria-labelledby="trend-title">
            <div className="row">
              <h2 id="trend-title">Overdose rate by month</h2>
              <span className="spacer" />
              <label htmlFor="trend-market">Market</label>
              <select id="trend-market" value={market} onChange={(e) => setMarket(e.target.value)}>
                {marketsOf(measures.data).map((m) => (
                  <option key={m} value={m}>
                    {marketNames[m] ?? m}
                  </option>
                ))}
              </select>
            </div>
            <RateChart result={measures.data} market={market} />
            <div className="small-multiples">
              {marketsOf(measures.data)
                .filter((m) => m !== 'focus')
                .map((m) => (
                  <div key={m}>
                    <h3>{marketNames[m] ?? m}</h3>
                    <RateChart result={measures.data} market={m} height={120} />
                  </div>
                ))}
            </div>
          </section>
          <section className="panel" aria-labelledby="funnel-title">
            <h2 id="funnel-title">
              Outreach funnel, {measures.data.from} to {measures.data.to}
            </h2>
            <RangeTable
              result={measures.data}
              caption="Cases by step of the funnel"
              measures={[
                ['funnel_identified', 'Identified'],
                ['funnel_attempted', 'Called'],
                ['funnel_reached', 'Reached'],
                ['funnel_engaged', 'Engaged'],
                ['funnel_treatment_started', 'Started treatment'],
                ['days_to_first_attempt_median', 'Business days to first call (median)'],
              ]}
            />
          </section>
          <section className="panel" aria-labelledby="care-title">
            <h2 id="care-title">Opioid use and MOUD continuity</h2>
            <RangeTable
              result={measures.data}
              caption="Over the range"
              measures={[
                ['opioid_users', 'Opioid users per 1,000 member-months'],
                ['average_mme', 'Average daily MME'],
                ['moud_continuity_180', 'New MOUD episodes reaching 180 days (share)'],
              ]}
            />
          </section>
        </>
      )}
    </div>
  );
}
