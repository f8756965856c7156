/**
 * A seeded pseudo-random generator (sfc32, seeded through splitmix32) so the
 * same seed always gives the same population, byte for byte. Math.random and
 * the clock are never used by the generator.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A Poisson count with mean lambda (small lambdas: Knuth's method). */
  poisson(lambda: number): number;
}

function splitmix32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a generator from a seed, an optional stream number (one stream per
 * member keeps members independent) and an optional lane: a member's lane 1, 2…
 * is a second, independent stream for a pattern added later, so its draws leave
 * lane 0 (everything drawn before it existed) untouched.
 */
export function createRandom(seed: number, stream = 0, lane = 0): Random {
  const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2f)) >>> 0);
  // Lane 0 keeps the original state; another lane XORs in 128 bits of its own, so it
  // cannot coincide with another member's lane 0 the way a reused 32-bit seed could.
  const laneMix = lane === 0 ? () => 0 : splitmix32(Math.imul(lane, 0x165667b1) >>> 0);
  let a = (mix() ^ laneMix()) >>> 0;
  let b = (mix() ^ laneMix()) >>> 0;
  let c = (mix() ^ laneMix()) >>> 0;
  let d = (mix() ^ laneMix()) >>> 0;
  const next = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand-tested).
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted: (items) => {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted pick from an empty list');
      return last[0];
    },
    poisson: (lambda) => {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
  };
  return random;
}
