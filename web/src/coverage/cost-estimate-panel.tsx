import { useTranslation } from 'react-i18next';
import { formatMoneyIn, useSay } from '../i18n/use-say.ts';
import { ErrorNotice } from '../ui/notice.tsx';
import { type CostEstimate, useCostEstimate } from './coverage-api.ts';
import { formatMoney as formatDollars } from './coverage-words.ts';

type Money = (value: number) => string;

const sum = (
  e: CostEstimate,
  key: 'allowed' | 'deductible' | 'copay' | 'coinsurance' | 'balanceBill' | 'notCovered',
) => e.lines.reduce((t, l) => t + l[key], 0);

const rows: Array<{ key: string; label: string; value: (e: CostEstimate, money: Money) => string }> = [
  {
    key: 'planned',
    label: 'Care planned',
    value: (e) => e.lines.map((l) => `${l.units} × ${l.description} (${l.code})`).join('; '),
  },
  { key: 'allowed', label: 'Allowed amount', value: (e, formatMoney) => formatMoney(sum(e, 'allowed')) },
  {
    key: 'deductible',
    label: 'Toward the deductible',
    value: (e, formatMoney) => formatMoney(sum(e, 'deductible')),
  },
  { key: 'copay', label: 'Copays', value: (e, formatMoney) => formatMoney(sum(e, 'copay')) },
  { key: 'coinsurance', label: 'Coinsurance', value: (e, formatMoney) => formatMoney(sum(e, 'coinsurance')) },
  {
    key: 'balanceBill',
    label: 'Balance bill from the facility',
    value: (e, formatMoney) => formatMoney(sum(e, 'balanceBill')),
  },
  { key: 'notCovered', label: 'Not covered', value: (e, formatMoney) => formatMoney(sum(e, 'notCovered')) },
  {
    key: 'deductibleLeft',
    label: 'Deductible left',
    value: (e, formatMoney) =>
      e.deductibleRemaining
        ? `${formatMoney(e.deductibleRemaining.before)} → ${formatMoney(e.deductibleRemaining.after)}`
        : '—',
  },
  {
    key: 'outOfPocketLeft',
    label: 'Out-of-pocket maximum left',
    value: (e, formatMoney) =>
      e.outOfPocketRemaining
        ? `${formatMoney(e.outOfPocketRemaining.before)} → ${formatMoney(e.outOfPocketRemaining.after)}`
        : '—',
  },
  { key: 'planPays', label: 'Plan pays', value: (e, formatMoney) => formatMoney(e.planPays) },
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
  const member = audience === 'member';
  const say = useSay(member);
  const { i18n } = useTranslation();
  const formatMoney: Money = member ? (value) => formatMoneyIn(i18n.language, value) : formatDollars;
  if (!facilityId)
    return (
      <section className="panel" aria-labelledby="cost-title">
        <h2 id="cost-title">{say('cost.title', 'Estimated cost')}</h2>
        <p className="muted">
          {say('cost.choose', 'Choose a place of care to see what the member would pay there.')}
        </p>
      </section>
    );
  if (estimate.isError) return <ErrorNotice error={estimate.error} />;
  if (estimate.isPending) return <p className="loading">{say('cost.working', 'Working out the cost…')}</p>;
  const { facility, inNetwork, outOfNetwork, atThisFacility } = estimate.data;
  const assumptions = [...new Set([...inNetwork.assumptions, ...outOfNetwork.assumptions])];
  const preauth = atThisFacility.lines.some((l) => l.preauthorizationRequired);
  const network =
    facility.networkStatus === 'in'
      ? say('care.in', 'in network').toLowerCase()
      : say('care.out', 'out of network').toLowerCase();
  return (
    <section className="panel" aria-labelledby="cost-title">
      <h2 id="cost-title">
        {say('cost.titleAt', `Estimated cost at ${facility.name}`, { name: facility.name })}
      </h2>
      <p className="cost-headline">
        {say(
          'cost.headline',
          `The member would pay about ${formatMoney(atThisFacility.memberPays)} here (${network}).`,
          { amount: formatMoney(atThisFacility.memberPays), network },
        )}
      </p>
      {preauth && (
        <p className="small">
          {say('cost.preauth', 'The plan must preauthorize this care.')}
          {atThisFacility.memberPaysWithoutPreauthorization !== null &&
            say(
              'cost.withoutPreauth',
              ` Without it, the member may owe ${formatMoney(atThisFacility.memberPaysWithoutPreauthorization)}.`,
              { amount: formatMoney(atThisFacility.memberPaysWithoutPreauthorization) },
            )}
        </p>
      )}
      <table
        className="cost-compare"
        aria-label={say('cost.compare', 'In network compared with out of network')}
      >
        <thead>
          <tr>
            <th />
            <th className={facility.networkStatus === 'in' ? 'here' : undefined}>
              {say('care.in', 'In network')}
              {facility.networkStatus === 'in' ? say('cost.thisFacility', ' (this facility)') : ''}
            </th>
            <th className={facility.networkStatus === 'out' ? 'here' : undefined}>
              {say('care.out', 'Out of network')}
              {facility.networkStatus === 'out' ? say('cost.thisFacility', ' (this facility)') : ''}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{say(`cost.rows.${row.key}`, row.label)}</th>
              <td className="num">{row.value(inNetwork, formatMoney)}</td>
              <td className="num">{row.value(outOfNetwork, formatMoney)}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">{say('cost.youPay', 'The member pays')}</th>
            <td className="num">{formatMoney(inNetwork.memberPays)}</td>
            <td className="num">{formatMoney(outOfNetwork.memberPays)}</td>
          </tr>
        </tbody>
      </table>
      <details className="assumptions">
        <summary>
          {say('cost.how', `How this was worked out (${assumptions.length} assumptions)`, {
            count: assumptions.length,
          })}
        </summary>
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
