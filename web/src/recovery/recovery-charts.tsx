import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RecoverySummary } from './recovery-api.ts';

/** Monday of the ISO week of a day, as YYYY-MM-DD. */
function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Sessions attended and missed per week, as a chart and as the table it is drawn from. */
export function AttendanceChart({ sessions }: { sessions: RecoverySummary['sessions'] }) {
  if (sessions.length === 0) return <p className="muted">No sessions reported yet.</p>;
  const weeks = new Map<string, { week: string; attended: number; missed: number }>();
  for (const s of sessions) {
    const w = weekOf(s.date);
    const row = weeks.get(w) ?? weeks.set(w, { week: w, attended: 0, missed: 0 }).get(w)!;
    if (s.attended) row.attended += 1;
    else row.missed += 1;
  }
  const data = [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
  const attended = sessions.filter((s) => s.attended).length;
  return (
    <figure
      className="chart"
      aria-label={`Sessions by week: ${attended} attended, ${sessions.length - attended} missed.`}
    >
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
          <CartesianGrid stroke="#eceff2" vertical={false} />
          <XAxis dataKey="week" tickFormatter={(d: string) => d.slice(5)} fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend />
          <Bar dataKey="attended" stackId="s" fill="#2f6f4f" name="Attended" />
          <Bar dataKey="missed" stackId="s" fill="#b45309" name="Missed" />
        </BarChart>
      </ResponsiveContainer>
      <table>
        <caption>Sessions by week</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Attended</th>
            <th scope="col">Missed</th>
          </tr>
        </thead>
        <tbody>
          {data.map((r) => (
            <tr key={r.week}>
              <td className="num">{r.week}</td>
              <td className="num">{r.attended}</td>
              <td className="num">{r.missed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

const colors = ['#1d4ed8', '#b45309', '#2f6f4f', '#7c3aed', '#be123c', '#0f766e'];

/** Each instrument's score over time (one line per instrument), with the table below it. */
export function ScoresChart({ scores }: { scores: RecoverySummary['scores'] }) {
  if (scores.length === 0) return null;
  const names = [...new Set(scores.map((s) => s.display))];
  const byDay = new Map<string, Record<string, string | number>>();
  for (const s of scores) {
    const day = s.effectiveAt.slice(0, 10);
    const row = byDay.get(day) ?? byDay.set(day, { day }).get(day)!;
    row[s.display] = s.score;
  }
  const data = [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  return (
    <figure className="chart" aria-label={`Screening scores over time for ${names.join(', ')}.`}>
      {data.length > 1 && (
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
            <CartesianGrid stroke="#eceff2" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} fontSize={11} />
            <YAxis allowDecimals={false} fontSize={11} />
            <Tooltip />
            <Legend />
            {names.map((n, i) => (
              <Line
                key={n}
                dataKey={n}
                stroke={colors[i % colors.length] ?? '#1d4ed8'}
                connectNulls
                dot
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
      <table>
        <caption>Screening scores over time</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Instrument</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((x) => (
            <tr key={x.scoreId}>
              <td className="num">{x.effectiveAt.slice(0, 10)}</td>
              <td>{x.display}</td>
              <td className="num">
                {x.score}
                {x.band ? ` (${x.band})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
