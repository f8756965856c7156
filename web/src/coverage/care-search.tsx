import { useState } from 'react';
import { useSay } from '../i18n/use-say.ts';
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
  const member = audience === 'member';
  const say = useSay(member);
  const typeLabel = (value: CareType) => say(`careTypes.${value}`, careTypeLabels[value]);
  const serviceLabel = (value: CareService) => say(`careServices.${value}`, serviceLabels[value]);
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
      <h2 id="care-search-title">{say('care.searchTitle', 'Care in the network')}</h2>
      <div className="filters">
        <label>
          {say('care.kind', 'Kind of care')}
          <select value={type} onChange={(e) => setType(e.target.value as CareType | '')}>
            <option value="">{say('care.any', 'Any')}</option>
            {(Object.keys(careTypeLabels) as CareType[]).map((value) => (
              <option key={value} value={value}>
                {typeLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {say('care.service', 'Service')}
          <select value={service} onChange={(e) => setService(e.target.value as CareService | '')}>
            <option value="">{say('care.any', 'Any')}</option>
            {(Object.keys(serviceLabels) as CareService[]).map((value) => (
              <option key={value} value={value}>
                {serviceLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {say('care.market', 'Market')}
          <select value={market} onChange={(e) => setMarket(e.target.value)}>
            <option value="">
              {say('care.nearYou', 'Near the member')}
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
          {say('care.zip', 'ZIP')}
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
          {say('care.inNetworkOnly', `In network for ${near.data ? near.data.planId : 'the plan'}`)}
        </label>
      </div>
      {source.isError ? (
        <ErrorNotice error={source.error} />
      ) : source.isPending ? (
        <p className="loading">{say('care.searching', 'Searching the network…')}</p>
      ) : items.length === 0 ? (
        <p className="muted">
          {say(
            'care.nothing',
            'Nothing matches. Try any kind of care, another service, or include out-of-network care.',
          )}
        </p>
      ) : (
        <div className="table-wrap">
          <table aria-label={say('care.table', 'Care options')}>
            <thead>
              <tr>
                <th>{say('care.name', 'Name')}</th>
                <th className="wide-only">{say('care.kind', 'Kind')}</th>
                <th>{say('care.network', 'Network')}</th>
                <th>{say('care.where', 'Where')}</th>
                <th>{say('care.services', 'Services')}</th>
                <th>{say('care.newPatients', 'New patients')}</th>
                <th className="wide-only">{say('care.languages', 'Languages')}</th>
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
                  <td className="wide-only">{typeLabel(hit.type)}</td>
                  <td>
                    {hit.networkStatus === 'in' ? (
                      <span className="badge">{say('care.in', 'In network')}</span>
                    ) : (
                      <span className="badge quiet">{say('care.out', 'Out of network')}</span>
                    )}
                  </td>
                  <td>
                    {hit.address.line}, {hit.address.city} {hit.address.zip}
                  </td>
                  <td className="small">{hit.services.map(serviceLabel).join(', ')}</td>
                  <td>
                    {hit.acceptingNewPatients ? (
                      say('care.yes', 'Yes')
                    ) : (
                      <span className="muted">{say('care.notNow', 'Not now')}</span>
                    )}
                  </td>
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
