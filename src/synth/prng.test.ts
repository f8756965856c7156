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

  it('keeps lane 0 the sequence every population was generated from before lanes existed', () => {
    // The first draws for the seed value 42, stream 7, as the generator made them before lanes (pinned).
    const r = createRandom(42, 7, 0);
    expect(Array.from({ length: 3 }, () => Math.floor(r.next() * 2 ** 32))).toEqual([
      2937330516, 121489827, 196969747,
    ]);
  });

  it('gives a member a second lane that shares no draws with its first or with other members', () => {
    const draws = (seed: number, stream: number, lane: number) => {
      const r = createRandom(seed, stream, lane);
      return Array.from({ length: 20 }, () => r.next());
    };
    const lane1 = draws(42, 7, 1);
    expect(lane1).toEqual(draws(42, 7, 1));
    for (const other of [draws(42, 7, 0), draws(42, 8, 1), draws(42, 8, 0), draws(43, 7, 1)])
      expect(lane1.filter((x) => other.includes(x))).toEqual([]);
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
