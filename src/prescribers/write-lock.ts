/**
 * Serializes this domain's transactions on one store. PGlite has a single session and the
 * Kysely PGlite driver does not queue transactions, so two concurrent transactions share
 * one BEGIN and a rollback in one silently undoes the other. Cheap on PostgreSQL too:
 * lock-in and letter writes are rare.
 */
const tails = new WeakMap<object, Promise<unknown>>();

/** Runs `fn` after every earlier call on the same store has finished. */
export function withWriteLock<T>(store: object, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(store) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  tails.set(
    store,
    run.catch(() => undefined),
  );
  return run;
}
