import type { Ref } from 'react';
import type { WorklistQuery } from '../api/types.ts';
import { useRuleCodes } from '../ui/rule-codes.ts';
import { MemberSearch } from './member-search.tsx';

const markets = ['CT', 'MD', 'NJ', 'VA', 'CHICAGO', 'NYC', 'PHILADELPHIA', 'DC', 'other'];

export type WorklistFilters = Pick<WorklistQuery, 'market' | 'reason' | 'status' | 'assigned'>;

/** Filters over the worklist (server-side) and a search for a member by name or id. */
export function WorklistFiltersBar({
  value,
  onChange,
  searchRef,
  people = [],
}: {
  value: WorklistFilters;
  onChange: (next: WorklistFilters) => void;
  searchRef: Ref<HTMLInputElement>;
  /** Case managers a supervisor can filter by. */
  people?: Array<{ userId: string; name: string }>;
}) {
  const codes = useRuleCodes();
  const set = (key: keyof WorklistFilters, v: string) => onChange({ ...value, [key]: v || undefined });
  return (
    <div className="filters">
      <MemberSearch inputRef={searchRef} />
      <search className="row" aria-label="Filter the worklist">
        <label>
          Market
          <select value={value.market ?? ''} onChange={(e) => set('market', e.target.value)}>
            <option value="">All markets</option>
            {markets.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason
          <select value={value.reason ?? ''} onChange={(e) => set('reason', e.target.value)}>
            <option value="">Any reason</option>
            <optgroup label="Emergencies">
              {Object.entries(codes.emergencies).map(([code, info]) => (
                <option key={code} value={code}>
                  {info.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Risk factors">
              {Object.entries(codes.riskFactors).map(([code, info]) => (
                <option key={code} value={code}>
                  {info.label}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label>
          Status
          <select value={value.status ?? 'open'} onChange={(e) => set('status', e.target.value)}>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </select>
        </label>
        <label>
          Assignee
          <select value={value.assigned ?? ''} onChange={(e) => set('assigned', e.target.value)}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="unassigned">Unassigned</option>
            {people.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </search>
    </div>
  );
}
