import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/http.ts';
import type { Me } from '../api/session.ts';
import type { CaseWork } from '../api/types.ts';
import { ErrorNotice } from '../ui/notice.tsx';

export interface Caseload {
  userId: string | null;
  name: string;
  open: number;
  byStage: Record<string, number>;
  pastServiceLevel: number;
}

/** Caseloads per case manager (supervisors). */
export function useCaseloads(enabled = true) {
  return useQuery({
    queryKey: ['caseloads'],
    queryFn: () => apiFetch<{ caseloads: Caseload[] }>('/api/supervisor/caseloads'),
    enabled,
  });
}

const closeLabels = {
  engaged_in_treatment: 'Engaged in treatment',
  declined: 'Declined',
  completed: 'Completed treatment and aftercare',
  moved: 'Moved or left the plan',
  unreachable: 'Lost to contact',
  not_eligible: 'Not eligible',
  deceased: 'Deceased',
} as const;

/** Assign or take the case, and close it with a reason (confirmed: closing cannot be undone here). */
export function CaseActions({ work, me }: { work: CaseWork; me: Me }) {
  const client = useQueryClient();
  const invalidate = () =>
    Promise.all(
      ['case-work', 'case', 'worklist', 'worklist-work', 'caseloads'].map((key) =>
        client.invalidateQueries({ queryKey: [key] }),
      ),
    );
  const isSupervisor = me.role === 'supervisor';
  const caseloads = useCaseloads(isSupervisor);
  const [assignee, setAssignee] = useState('');
  const [reason, setReason] = useState<keyof typeof closeLabels | ''>('');
  const assign = useMutation({
    mutationFn: (assigneeId: string | null) =>
      apiFetch(`/api/cases/${encodeURIComponent(work.caseId)}/assignment`, {
        method: 'POST',
        body: { assigneeId, version: work.version },
      }),
    onSuccess: invalidate,
  });
  const close = useMutation({
    mutationFn: () =>
      apiFetch(`/api/cases/${encodeURIComponent(work.caseId)}/close`, {
        method: 'POST',
        body: { reason, version: work.version },
      }),
    onSuccess: invalidate,
  });
  if (work.status === 'closed') return null;
  return (
    <section className="panel stack" aria-labelledby="actions-title">
      <h2 id="actions-title">Case</h2>
      {isSupervisor ? (
        <div className="row">
          <label>
            Assign to
            <select value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">Choose a case manager…</option>
              {(caseloads.data?.caseloads ?? [])
                .filter((c) => c.userId !== null && c.userId !== work.assignedTo)
                .map((c) => (
                  <option key={c.userId} value={c.userId ?? ''}>
                    {c.name} ({c.open} open)
                  </option>
                ))}
            </select>
          </label>
          <button
            type="button"
            className="align-end"
            disabled={!assignee || assign.isPending}
            onClick={() => assign.mutate(assignee)}
          >
            {work.assignedTo ? 'Reassign' : 'Assign'}
          </button>
        </div>
      ) : (
        work.assignedTo === null && (
          <button type="button" onClick={() => assign.mutate(me.userId)} disabled={assign.isPending}>
            Take this case
          </button>
        )
      )}
      {assign.isError && <ErrorNotice error={assign.error} />}
      {assign.isSuccess && <p role="status">Assignment saved.</p>}
      <div className="row">
        <label>
          Close with reason
          <select value={reason} onChange={(e) => setReason(e.target.value as keyof typeof closeLabels | '')}>
            <option value="">Choose…</option>
            {Object.entries(closeLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="align-end"
          disabled={!reason || close.isPending}
          onClick={() => {
            if (
              window.confirm(
                `Close this case as "${reason ? closeLabels[reason] : ''}"? It cannot be reopened here.`,
              )
            )
              close.mutate();
          }}
        >
          Close case
        </button>
      </div>
      {close.isError && <ErrorNotice error={close.error} />}
    </section>
  );
}
