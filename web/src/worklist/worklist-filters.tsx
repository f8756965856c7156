import { type FormEvent, type Ref, useState } from 'react';
import type { WorklistQuery } from '../api/types.ts';
import { navigate } from '../router.ts';
import { emergencyInfo, riskFactorInfo } from '../ui/codes.ts';

const markets = ['CT', 'MD', 'NJ', 'VA', 'CHICAGO', 'NYC', 'PHILADELPHIA', 'DC', 'other'];

export type WorklistFilters = Pick<WorklistQuery, 'market' | 'reason' | 'status' | 'assigned'>;

/** Filters over the worklist (server-side) and a box to open a member by id. */
export function WorklistFiltersBar({
  value,
  onChange,
  searchRef,
}: {
  value: WorklistFilters;
  onChange: (next: WorklistFilters) => void;
  searchRef: Ref<HTMLInputElement>;
}) {
  const [memberId, setMemberId] = useState('');
  const set = (key: keyof WorklistFilters, v: string) => onChange({ ...value, [key]: v || undefined });
  function openMember(event: FormEvent) {
    event.preventDefault();
    const id = memberId.trim();
    if (id) navigate({ kind: 'member', memberId: id });
  }
  return (
    <div className="filters">
      <form onSubmit={openMember} className="row" aria-label="Open a member by id">
        <label>
          Member id (press /)
          <input
            ref={searchRef}
            type="search"
            value={memberId}
            onChange={(e) => setMemberId(e.target.value)}
          />
        </label>
        <button type="submit" className="align-end">
          Open
        </button>
      </form>
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
              {Object.entries(emergencyInfo).map(([code, info]) => (
                <option key={code} value={code}>
                  {info.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Risk factors">
              {Object.entries(riskFactorInfo).map(([code, info]) => (
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
          </select>
        </label>
      </search>
    </div>
  );
}
