/** Whole days from a 'YYYY-MM-DD' date to today (UTC), or null. */
export function daysSince(date: string | null | undefined, now = new Date()): number | null {
  if (!date) return null;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((today - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
}

/** A timestamp as a short local date and time. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
