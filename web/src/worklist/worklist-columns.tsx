import {
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { CaseWorkSummary, WorklistItem } from '../api/types.ts';
import { hrefFor } from '../router.ts';
import { CodeBadge } from '../ui/code-badge.tsx';
import { statusLabels } from '../ui/codes.ts';
import { daysSince } from '../ui/dates.ts';
import { DueClock } from './due-clock.tsx';

/** A worklist row: the case from the page, and its work summary once that request answers. */
export type WorklistRow = WorklistItem & { work: CaseWorkSummary | undefined };

interface WorklistColumnMeta {
  /** On the header and every cell of the column. */
  className?: string;
  /** On the column's cells only. */
  cellClassName?: string;
  /** Says what a sortable column is, ahead of how it sorts (the header's tooltip). */
  title?: string;
}

/** Sorting and paging state only: the server sorts and pages (manualSorting, manualPagination). */
export const worklistFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: metaHelper<WorklistColumnMeta>(),
});

const column = createColumnHelper<typeof worklistFeatures, WorklistRow>();

/**
 * Priority, member, market, plan, emergencies and factors as badges, clocks, assignee, stage. The
 * accessor columns' ids are the server's sorts; display columns do not sort.
 */
export const worklistColumns = column.columns([
  column.accessor('priority', { header: 'Priority', meta: { cellClassName: 'num' } }),
  column.accessor('memberId', {
    id: 'member',
    header: 'Member',
    cell: ({ row: { original: r } }) => (
      <>
        <a href={hrefFor({ kind: 'case', caseId: r.caseId })}>{r.work?.memberName ?? r.memberId}</a>
        <div className="muted small">{r.memberId}</div>
      </>
    ),
  }),
  column.display({ id: 'market', header: 'Market', cell: ({ row }) => row.original.market ?? '—' }),
  column.display({
    id: 'plan',
    header: 'Plan',
    meta: { className: 'hide-tablet' },
    cell: ({ row }) => row.original.work?.planType ?? '—',
  }),
  column.display({
    id: 'emergencies',
    header: 'Emergencies',
    cell: ({ row }) => (
      <div className="badges">
        {row.original.emergencyKinds.map((kind) => (
          <CodeBadge key={kind} kind="emergencies" code={kind} urgent={kind === 'OPIOID_OVERDOSE'} />
        ))}
      </div>
    ),
  }),
  column.display({
    id: 'factors',
    header: 'Risk factors',
    cell: ({ row }) => (
      <div className="badges">
        {row.original.riskFactorCodes.map((code) => (
          <CodeBadge key={code} kind="riskFactors" code={code} />
        ))}
        {row.original.context.map((code) => (
          <CodeBadge key={code} kind="context" code={code} quiet />
        ))}
      </div>
    ),
  }),
  column.accessor((r) => daysSince(r.latestEmergencyDate), {
    id: 'emergency',
    header: 'Days since',
    meta: { title: 'Days since the latest emergency', cellClassName: 'num' },
    cell: ({ getValue }) => {
      const days = getValue();
      return days !== null && days <= 7 ? <span className="urgent-text">{days}</span> : (days ?? '—');
    },
  }),
  column.accessor((r) => r.work?.firstAttemptDueAt, {
    id: 'due',
    header: 'First call',
    meta: { title: 'First attempt due within 2 business days of identification' },
    cell: ({ row: { original: r } }) =>
      r.work ? <DueClock dueAt={r.work.firstAttemptDueAt} firstAttemptAt={r.work.firstAttemptAt} /> : '…',
  }),
  column.display({
    id: 'assignee',
    header: 'Assignee',
    meta: { className: 'hide-tablet' },
    cell: ({ row }) => row.original.work?.assigneeName ?? <span className="muted">Unassigned</span>,
  }),
  column.display({
    id: 'stage',
    header: 'Stage',
    cell: ({ row: { original: r } }) => (r.work ? (statusLabels[r.work.stage] ?? r.work.stage) : r.status),
  }),
]);
