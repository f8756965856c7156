import { ErrorNotice } from '../ui/notice.tsx';
import { type CostEstimate, useCostEstimate } from './coverage-api.ts';
import { formatMoney } from './coverage-words.ts';

const sum = (
  e: CostEstimate,
  key: 'allowed' | 'deductible' | 'copay' | 'coinsurance' | 'balanceBill' | 'notCovered',
) => e.lines.reduce((t, l) => t + l[key], 0);

const rows: Array<{ label: string; value: (e: CostEstimate) => string }> = [
  {
    label: 'Care planned',
    value: (e) => e.lines.map((l) => `${l.units} × ${l.description} (${l.code})`).join('; '),
  },
  { label: 'Allowed amount', value: (e) => formatMoney(sum(e, 'allowed')) },
  { label: 'Toward the deductible', value: (e) => formatMoney(sum(e, 'deductible')) },
  { label: 'Copays', value: (e) => formatMoney(sum(e, 'copay')) },
  { label: 'Coinsurance', value: (e) => formatMoney(sum(e, 'coinsurance')) },
  { label: 'Balance bill from the facility', value: (e) => formatMoney(sum(e, 'balanceBill')) },
  { label: 'Not covered', value: (e) => formatMoney(sum(e, 'notCovered')) },
  {
    label: 'Deductible left',
    value: (e) =>
      e.deductibleRemaining
        ? `${formatMoney(e.deductibleRemaining.before)} → ${formatMoney(e.deductibleRemaining.after)}`
        : '—',
  },
  {
    label: 'Out-of-pocket maximum left',
    value: (e) =>
      e.outOfPocketRemaining
        ? `${formatMoney(e.outOfPocketRemaining.before)} → ${formatMoney(e.outOfPocketRemaining.after)}`
        : '—',
  },
  { label: 'Plan pays', value: (e) => formatMoney(e.planPays) },
];

/**
 * What an episode at the chosen facility would cost the member: in network and out of
 * network side by side, the facility's own column marked, and every
 * assumption the estimate rests on.
 */
export function CostEstimatePanel({
  memberId,
  facilityId,
  audience,
}: {
  memberId: string;
  facilityId: string | undefined;
  audience: 'staff' | 'member';
}) {
  const estimate = useCostEstimate(memberId, facilityId);
  const you = audience === 'member' ? 'You' : 'The member';
  if (!facilityId)
    return (
      <section className="panel" aria-labelledby="cost-title">
        <h2 id="cost-title">Estimated cost</h2>
        <p className="muted">Choose a place of care to see what {you.toLowerCase()} would pay there.</p>
      </section>
    );
  if (estimate.isError) return <ErrorNotice error={estimate.error} />;
  if (estimate.isPending) return <p className="loading">Working out the cost…</p>;
  const { facility, inNetwork, outOfNetwork, atThisFacility } = estimate.data;
  const assumptions = [...new Set([...inNetwork.assumptions, ...outOfNetwork.assumptions])];
  const preauth = atThisFacility.lines.some((l) => l.preauthorizationRequired);
  return (
    <section className="panel" aria-labelledby="cost-title">
      <h2 id="cost-title">Estimated cost at {facility.name}</h2>
      <p className="cost-headline">
        {you} would pay about <strong>{formatMoney(atThisFacility.memberPays)}</strong> here (
        {facility.networkStatus === 'in' ? 'in network' : 'out of network'}).
      </p>
      {preauth && (
        <p className="small">
          The plan must preauthorize this care.
          {atThisFacility.memberPaysWithoutPreauthorization !== null &&
            ` Without it, ${you.toLowerCase()} may owe ${formatMoney(atThisFacility.memberPaysWithoutPreauthorization)}.`}
        </p>
      )}
      <table className="cost-compare" aria-label="In network compared with out of network">
        <thead>
          <tr>
            <th />
            <th className={facility.networkStatus === 'in' ? 'here' : undefined}>
              In network{facility.networkStatus === 'in' ? ' (this facility)' : ''}
            </th>
            <th className={facility.networkStatus === 'out' ? 'here' : undefined}>
              Out of network{facility.networkStatus === 'out' ? ' (this facility)' : ''}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="num">{row.value(inNetwork)}</td>
              <td className="num">{row.value(outOfNetwork)}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">{audience === 'member' ? 'You pay' : 'The member pays'}</th>
            <td className="num">{formatMoney(inNetwork.memberPays)}</td>
            <td className="num">{formatMoney(outOfNetwork.memberPays)}</td>
          </tr>
        </tbody>
      </table>
      <details className="assumptions">
        <summary>How this was worked out ({assumptions.length} assumptions)</summary>
        <ul>
          {assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
          {[...inNetwork.lines, ...outOfNetwork.lines]
            .flatMap((l) => l.notes)
            .filter((n, i, all) => all.indexOf(n) === i)
            .map((n) => (
              <li key={`note-${n}`}>{n}</li>
            ))}
        </ul>
      </details>
    </section>
  );
}
