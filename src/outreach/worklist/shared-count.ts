import type { CompiledQuery } from 'kysely';
import type { OpsDb } from '../../platform/db/ops-db.ts';

interface Waiter {
  resolve: (n: number) => void;
  reject: (error: unknown) => void;
}

interface KeyState {
  running: boolean;
  waiting: Waiter[];
}

const states = new WeakMap<OpsDb, Map<string, KeyState>>();

/**
 * Runs a count query once for every caller asking the same query (same SQL, same parameters)
 * at the same moment: callers arriving while it runs wait for the next run, never the running
 * one, so each count is read from a snapshot taken after its caller asked (exact, not cached).
 */
export function countShared(db: OpsDb, query: CompiledQuery, run: () => Promise<number>): Promise<number> {
  let byKey = states.get(db);
  if (!byKey) {
    byKey = new Map();
    states.set(db, byKey);
  }
  const key = JSON.stringify([query.sql, query.parameters]);
  let state = byKey.get(key);
  if (!state) {
    state = { running: false, waiting: [] };
    byKey.set(key, state);
  }
  const s = state;
  const keys = byKey;
  return new Promise<number>((resolve, reject) => {
    s.waiting.push({ resolve, reject });
    if (!s.running) void drain(keys, key, s, run);
  });
}

async function drain(
  byKey: Map<string, KeyState>,
  key: string,
  state: KeyState,
  run: () => Promise<number>,
): Promise<void> {
  state.running = true;
  try {
    // One turn of the loop so requests arriving together share the first run.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (state.waiting.length > 0) {
      const group = state.waiting.splice(0);
      try {
        const n = await run();
        for (const w of group) w.resolve(n);
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
  } finally {
    state.running = false;
    byKey.delete(key);
  }
}
