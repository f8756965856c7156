import { describeClock, formatWhen } from './coverage-words.ts';

/** A request's decision clock: amber only when due soon, overdue or missed (one accent for urgency). */
export function DecisionClock({
  clock,
  showDue = false,
}: {
  clock: { dueAt: string; state: string; hoursLeft: number };
  showDue?: boolean;
}) {
  const urgent = clock.state === 'due-soon' || clock.state === 'overdue' || clock.state === 'missed';
  return (
    <span className={`clock${urgent ? ' due' : ''}`} title={`Decision due ${formatWhen(clock.dueAt)}`}>
      {clock.state === 'due-soon' ? 'due soon · ' : ''}
      {describeClock(clock)}
      {showDue && <span className="muted"> · due {formatWhen(clock.dueAt)}</span>}
    </span>
  );
}
