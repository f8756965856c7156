import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from './dates.ts';
import { createRandom } from './prng.ts';

describe('seeded random', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    const a = createRandom(42, 7);
    const b = createRandom(42, 7);
    expect(Array.from({ length: 50 }, () => a.next())).toEqual(Array.from({ length: 50 }, () => b.next()));
  });

  it('gives different sequences for different streams', () => {
    const a = createRandom(42, 1);
    const b = createRandom(42, 2);
    expect(a.next()).not.toBe(b.next());
  });

  it('keeps int() inside its bounds and reaches both ends', () => {
    const r = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('draws Poisson counts with about the asked mean', () => {
    const r = createRandom(9);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += r.poisson(0.4);
    expect(sum / 20_000).toBeCloseTo(0.4, 1);
  });
});

describe('day numbers', () => {
  it('round-trips ISO dates, leap day included', () => {
    for (const iso of ['2024-02-29', '2026-06-30', '1970-01-01', '2025-12-31'])
      expect(formatDay(parseDay(iso))).toBe(iso);
  });

  it('rejects an impossible date', () => {
    expect(() => parseDay('2025-02-30')).toThrow();
  });
});
