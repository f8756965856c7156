import type { Ref } from 'react';
import type { WorklistQuery } from '../api/types.ts';
import { riskFactorInfo, statusLabels } from '../ui/codes.ts';

const markets = ['CT', 'MD', 'NJ', 'VA', 'CHICAGO', 'NYC', 'PHILADELPHIA', 'DC', 'other'];

export type WorklistFilters = Pick<WorklistQuery, 'q' | 'market' | 'factor' | 'status' | 'assignee'>;

/** Search and filters over the worklist; every change goes back to the first page. */
export function WorklistFiltersBar({
  value,
  onChange,
  searchRef,
  showAssignee,
}: {
  value: WorklistFilters;
  onChange: (next: WorklistFilters) => void;
  searchRef: Ref<HTMLInputElement>;
  showAssignee: boolean;
}) {
  const set = (key: keyof WorklistFilters, v: string) => onChange({ ...value, [key]: v || undefined });
  return (
    <search className="filters" aria-label="Filter the worklist">
      <label>
        Search (press /)
        <input
          ref={searchRef}
          type="search"
          placeholder="Member id or name"
          value={value.q ?? ''}
          onChange={(e) => set('q', e.target.value)}
        />
      </label>
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
        Risk factor
        <select value={value.factor ?? ''} onChange={(e) => set('factor', e.target.value)}>
          <option value="">Any factor</option>
          {Object.entries(riskFactorInfo).map(([code, info]) => (
            <option key={code} value={code}>
              {info.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select value={value.status ?? ''} onChange={(e) => set('status', e.target.value)}>
          <option value="">Open cases</option>
          {Object.entries(statusLabels).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {showAssignee && (
        <label>
          Assignee
          <select value={value.assignee ?? ''} onChange={(e) => set('assignee', e.target.value)}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="unassigned">Unassigned</option>
          </select>
        </label>
      )}
    </search>
  );
}
