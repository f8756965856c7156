import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/i18n.ts';
import { describeClock, formatWhen } from './coverage-words.ts';

/** A request's decision clock: amber only when due soon, overdue or missed (one accent for urgency). */
export function DecisionClock({
  clock,
  showDue = false,
  forMember = false,
}: {
  clock: { dueAt: string; state: string; hoursLeft: number };
  showDue?: boolean;
  /** The member's words: when the plan must decide by, not hours on a reviewer's clock. */
  forMember?: boolean;
}) {
  const urgent = clock.state === 'due-soon' || clock.state === 'overdue' || clock.state === 'missed';
  if (forMember) return <MemberClock clock={clock} urgent={urgent} />;
  return (
    <span className={`clock${urgent ? ' due' : ''}`} title={`Decision due ${formatWhen(clock.dueAt)}`}>
      {clock.state === 'due-soon' ? 'due soon · ' : ''}
      {describeClock(clock)}
      {showDue && <span className="muted"> · due {formatWhen(clock.dueAt)}</span>}
    </span>
  );
}

/** The clock in the member's language: "The plan decides by …", "Decided on time", "Late". */
function MemberClock({ clock, urgent }: { clock: { dueAt: string; state: string }; urgent: boolean }) {
  const { t } = useTranslation();
  const key = ['met', 'missed', 'stopped', 'overdue'].includes(clock.state) ? clock.state : 'open';
  return (
    <span className={`clock${urgent ? ' due' : ''}`}>
      {t(`auths.clockStates.${key}`, { date: formatDateTime(clock.dueAt) })}
    </span>
  );
}
