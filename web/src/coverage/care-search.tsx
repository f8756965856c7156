import { useState } from 'react';
import { ErrorNotice } from '../ui/notice.tsx';
import {
  type CareService,
  type CareType,
  type DirectoryHit,
  useCareOptions,
  useDirectory,
} from './coverage-api.ts';
import { careTypeLabels, serviceLabels } from './coverage-words.ts';

const markets = ['CT', 'MD', 'NJ', 'VA', 'CHICAGO', 'NYC', 'PHILADELPHIA', 'DC'] as const;

/**
 * The care network near a member, for their plan: by default the member's market and
 * ZIP (the server looks them up, so nothing about the member goes in a query string);
 * another market or ZIP can be searched with the same plan.
 */
export function CareSearch({
  memberId,
  selectedId,
  onChoose,
  chooseLabel,
  audience = 'staff',
}: {
  memberId: string;
  selectedId: string | undefined;
  onChoose: (hit: DirectoryHit) => void;
  chooseLabel: string;
  audience?: 'staff' | 'member';
}) {
  const [type, setType] = useState<CareType | ''>('ambulatory-detox');
  const [service, setService] = useState<CareService | ''>('');
  const [inNetworkOnly, setInNetworkOnly] = useState(true);
  const [market, setMarket] = useState('');
  const [zip, setZip] = useState('');
  const near = useCareOptions(memberId, { ...(type ? { type } : {}), inNetworkOnly });
  const elsewhere = market !== '' || /^\d{5}$/.test(zip);
  const other = useDirectory(
    {
      market: market || undefined,
      zip: /^\d{5}$/.test(zip) ? zip : undefined,
      type: type || undefined,
      service: service || undefined,
      planId: near.data?.planId,
      inNetworkOnly: String(inNetworkOnly),
    },
    elsewhere && near.data !== undefined,
  );
  const source = elsewhere ? other : near;
  const items = (source.data?.items ?? []).filter(
    (h) => elsewhere || !service || h.services.includes(service),
  );
  return (
    <section className="panel" aria-labelledby="care-search-title">
      <h2 id="care-search-title">Care in the network</h2>
      <div className="filters">
        <label>
          Kind of care
          <select value={type} onChange={(e) => setType(e.target.value as CareType | '')}>
            <option value="">Any</option>
            {Object.entries(careTypeLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Service
          <select value={service} onChange={(e) => setService(e.target.value as CareService | '')}>
            <option value="">Any</option>
            {Object.entries(serviceLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Market
          <select value={market} onChange={(e) => setMarket(e.target.value)}>
            <option value="">
              Near {audience === 'member' ? 'you' : 'the member'}
              {near.data ? ` (${near.data.market})` : ''}
            </option>
            {markets.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label>
          ZIP
          <input
            inputMode="numeric"
            maxLength={5}
            size={6}
            placeholder={near.data?.zip ?? ''}
            value={zip}
            onChange={(e) => setZip(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        <label className="choice-inline">
          <input
            type="checkbox"
            checked={inNetworkOnly}
            onChange={(e) => setInNetworkOnly(e.target.checked)}
          />
          In network for {audience === 'member' ? 'your plan' : near.data ? near.data.planId : 'the plan'}
        </label>
      </div>
      {source.isError ? (
        <ErrorNotice error={source.error} />
      ) : source.isPending ? (
        <p className="loading">Searching the network…</p>
      ) : items.length === 0 ? (
        <p className="muted">
          Nothing matches. Try any kind of care, another service, or include out-of-network care.
        </p>
      ) : (
        <div className="table-wrap">
          <table aria-label="Care options">
            <thead>
              <tr>
                <th>Name</th>
                <th className="wide-only">Kind</th>
                <th>Network</th>
                <th>Where</th>
                <th>Services</th>
                <th>New patients</th>
                <th className="wide-only">Languages</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.slice(0, 40).map((hit) => (
                <tr key={hit.id} className={hit.id === selectedId ? 'selected' : undefined}>
                  <td>
                    <strong>{hit.name}</strong>
                    <div className="small muted">{hit.phone}</div>
                  </td>
                  <td className="wide-only">{careTypeLabels[hit.type]}</td>
                  <td>
                    {hit.networkStatus === 'in' ? (
                      <span className="badge">In network</span>
                    ) : (
                      <span className="badge quiet">Out of network</span>
                    )}
                  </td>
                  <td>
                    {hit.address.line}, {hit.address.city} {hit.address.zip}
                  </td>
                  <td className="small">{hit.services.map((s) => serviceLabels[s]).join(', ')}</td>
                  <td>{hit.acceptingNewPatients ? 'Yes' : <span className="muted">Not now</span>}</td>
                  <td className="small wide-only">{hit.languages.join(', ')}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => onChoose(hit)}
                      aria-pressed={hit.id === selectedId}
                      aria-label={`${chooseLabel}: ${hit.name}`}
                    >
                      {chooseLabel}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
