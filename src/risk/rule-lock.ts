import type { Warehouse } from '../platform/warehouse/warehouse.ts';

const queues = new WeakMap<Warehouse, Promise<void>>();

/**
 * Runs `fn` alone on this warehouse handle among rule runs: the rule steps live
 * in the connection's temp tables (`rk_*`), so two runs at once (two HTTP
 * requests on one handle) would read each other's steps.
 */
export async function withRuleLock<T>(warehouse: Warehouse, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(warehouse) ?? Promise.resolve();
  let release: () => void = () => {};
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  queues.set(warehouse, tail);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (queues.get(warehouse) === tail) queues.delete(warehouse);
  }
}
