/** How long until (or since) the first-attempt service level falls due, in plain words. */
export function describeDue(dueAt: string | null | undefined, now: Date): { text: string; due: boolean } {
  if (!dueAt) return { text: '—', due: false };
  const hours = Math.round((new Date(dueAt).getTime() - now.getTime()) / 3_600_000);
  if (hours < 0) return { text: `${Math.ceil(-hours / 24)}d past due`, due: true };
  if (hours < 24) return { text: `due in ${hours}h`, due: true };
  return { text: `due in ${Math.floor(hours / 24)}d`, due: false };
}

/** The service-level clock: amber only when the first attempt is due within a day or late. */
export function DueClock({
  dueAt,
  firstAttemptAt,
}: {
  dueAt?: string | null | undefined;
  firstAttemptAt?: string | null | undefined;
}) {
  if (firstAttemptAt) return <span className="clock muted">attempted</span>;
  const { text, due } = describeDue(dueAt, new Date());
  return <span className={`clock${due ? ' due' : ''}`}>{text}</span>;
}
