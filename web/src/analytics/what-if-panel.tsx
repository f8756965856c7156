import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { marketName } from '../../../src/measures/measure-words.ts';
import type { WhatIfResult } from '../../../src/measures/what-if.ts';
import { apiFetch } from '../api/http.ts';
import { ActionError } from '../ui/action-error.tsx';
import { MeasureTableView } from './measure-chart.tsx';

/** The thresholds an analyst can try, with the rules' own defaults (RISK-RULES §5). */
const knobs = [
  { key: 'highMme', label: 'HIGH_MME: average daily MME of at least', value: 90, min: 1 },
  { key: 'longTermMinDays', label: 'LONG_TERM_OPIOID: opioid days in 180 of at least', value: 90, min: 1 },
  {
    key: 'overlapMinDays',
    label: 'OPIOID_BENZO_OVERLAP: days covered by both of at least',
    value: 30,
    min: 1,
  },
  {
    key: 'minPrescribers',
    label: 'MULTIPLE_PRESCRIBERS_PHARMACIES: prescribers of at least',
    value: 4,
    min: 1,
  },
  {
    key: 'minPharmacies',
    label: 'MULTIPLE_PRESCRIBERS_PHARMACIES: pharmacies of at least',
    value: 4,
    min: 1,
  },
] as const;

const cell = (n: number | null) => (n === null ? 'suppressed' : String(n));

/**
 * What if a threshold were different? The rules run again in a sandbox with the change and
 * the answer is counts by market only: no case opens, no member is named.
 */
export function WhatIfPanel() {
  const [values, setValues] = useState<Record<string, number>>(
    Object.fromEntries(knobs.map((k) => [k.key, k.value])),
  );
  const run = useMutation({
    mutationFn: (thresholds: Record<string, number>) =>
      apiFetch<WhatIfResult>('/api/analytics/what-if', { method: 'POST', body: { changes: { thresholds } } }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const changed = Object.fromEntries(
      knobs.filter((k) => values[k.key] !== k.value).map((k) => [k.key, values[k.key]!]),
    );
    run.mutate(changed);
  };
  return (
    <section className="panel" aria-labelledby="what-if-title">
      <h2 id="what-if-title">What if the rules changed?</h2>
      <p className="muted small">
        The checkpoint runs again as of today with the thresholds below, in a sandbox: no case is opened and
        no member is named, only counts by market (small counts suppressed).
      </p>
      <form className="stack" onSubmit={submit}>
        {knobs.map((k) => (
          <div key={k.key} className="row wrap">
            <label htmlFor={`what-if-${k.key}`}>{k.label}</label>
            <input
              id={`what-if-${k.key}`}
              type="number"
              min={k.min}
              step="any"
              value={values[k.key]}
              onChange={(e) => setValues({ ...values, [k.key]: Number(e.target.value) })}
            />
          </div>
        ))}
        <div>
          <button type="submit" className="primary" disabled={run.isPending}>
            {run.isPending ? 'Counting…' : 'Count the members the checkpoint would reach'}
          </button>
        </div>
      </form>
      <ActionError error={run.error} />
      {run.data && (
        <MeasureTableView
          table={{
            caption: `Members on the checkpoint as of ${run.data.asOf}: now and with ${
              Object.entries((run.data.changes.thresholds ?? {}) as Record<string, number>)
                .map(([k, v]) => `${k} = ${v}`)
                .join(', ') || 'no change'
            }`,
            head: ['Market', 'Now', 'With the change', 'Added', 'Left out'],
            rows: run.data.rows.map((r) => [
              marketName(r.market),
              cell(r.now),
              cell(r.withChange),
              cell(r.added),
              cell(r.removed),
            ]),
          }}
        />
      )}
    </section>
  );
}
