let tail: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` alone on the warehouse: the risk engine's explanations build temp
 * tables on the one connection, so two at once would read each other's steps.
 */
export function withWarehouseLock<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}

/** Resolves once every explanation queued so far has finished (before the warehouse closes). */
export async function drainWarehouseLock(): Promise<void> {
  await tail;
}
