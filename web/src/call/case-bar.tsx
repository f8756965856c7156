import type { CaseView, CaseWork } from '../api/types.ts';
import { DueClock } from '../worklist/due-clock.tsx';

const steps = [
  ['new', 'New'],
  ['outreach', 'Outreach'],
  ['engaged', 'Engaged'],
  ['in_treatment', 'In treatment'],
  ['closed', 'Closed'],
] as const;

/** Where the case stands: its stage among the five, priority, the service-level clock, the next action. */
export function CaseBar({ kase, work }: { kase: CaseView; work: CaseWork }) {
  const index = steps.findIndex(([s]) => s === work.stage);
  return (
    <div className="case-bar">
      <a href="#/worklist">← Worklist</a>
      <ol className="stage-steps" aria-label="Case stage">
        {steps.map(([stage, label], i) => (
          <li
            key={stage}
            className={i === index ? 'current' : i < index ? 'done' : undefined}
            aria-current={i === index ? 'step' : undefined}
          >
            {label}
          </li>
        ))}
      </ol>
      <span>Priority {kase.priority}</span>
      <span>
        First call: <DueClock dueAt={work.firstAttemptDueAt} firstAttemptAt={work.firstAttemptAt} />
      </span>
      <span className="muted">Assigned: {work.assigneeName ?? 'nobody'}</span>
      <span className="muted small hide-tablet">n next case · l log attempt · e evidence · s script</span>
      {work.nextAction.kind === 'letter' && (
        <span className="badge urgent" role="status">
          Propose a letter: {work.nextAction.reason}
        </span>
      )}
    </div>
  );
}
