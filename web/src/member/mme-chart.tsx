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

/** Daily MME over the last 12 months with the 50 and 90 MME reference lines (CDC 2022). */
export function MmeChart({ series }: { series: Array<{ date: string; mme: number }> }) {
  const max = series.reduce((m, p) => Math.max(m, p.mme), 0);
  const daysOn = series.filter((p) => p.mme > 0).length;
  const label = `Daily MME over 12 months: highest ${max.toFixed(1)}, ${daysOn} days with an opioid.`;
  if (series.length === 0 || max === 0)
    return <p className="muted">No opioid fills in the last 12 months.</p>;
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={series} margin={{ top: 8, right: 28, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="#eceff2" vertical={false} />
          <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} minTickGap={40} fontSize={11} />
          <YAxis fontSize={11} domain={[0, Math.max(100, Math.ceil(max / 10) * 10)]} />
          <Tooltip formatter={(v) => [`${Number(v).toFixed(2)} MME`, 'Daily MME']} />
          <ReferenceLine
            y={50}
            stroke="#7b8794"
            strokeDasharray="4 3"
            label={{ value: '50', position: 'right', fontSize: 11 }}
          />
          <ReferenceLine
            y={90}
            stroke="#b45309"
            strokeDasharray="4 3"
            label={{ value: '90', position: 'right', fontSize: 11 }}
          />
          <Line
            type="stepAfter"
            dataKey="mme"
            stroke="#1f2933"
            dot={false}
            strokeWidth={1.5}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted small">{label} Dashed lines: 50 and 90 MME.</figcaption>
    </figure>
  );
}
