const inFlight = new Set<Promise<unknown>>();

/**
 * Runs `fn` (member-view work on the warehouse) and keeps track of it until it settles, so
 * the server can wait for it before the warehouse closes. It does not serialise: each
 * explanation runs on a pooled connection of its own (`withOwnConnection`).
 */
export function trackWarehouseWork<T>(fn: () => Promise<T>): Promise<T> {
  const run = fn();
  inFlight.add(run);
  const forget = () => inFlight.delete(run);
  run.then(forget, forget);
  return run;
}

/** Resolves once every piece of member-view work started so far has settled (before the warehouse closes). */
export async function drainWarehouseWork(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
