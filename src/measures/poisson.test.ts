import { describe, expect, it } from 'vitest';
import { garwood, ratioInterval } from './poisson.ts';

describe('exact Poisson (Garwood) intervals', () => {
  // Published 95 % limits (e.g. Ulm 1990; the tables in Breslow & Day, vol. 2).
  it.each([
    [0, 0, 3.689],
    [1, 0.0253, 5.572],
    [2, 0.2422, 7.225],
    [10, 4.795, 18.39],
  ])('k = %i gives [%f, %f]', (k, low, high) => {
    const [l, h] = garwood(k);
    expect(l).toBeCloseTo(low, 3);
    expect(h).toBeCloseTo(high, 2);
  });

  it('gives a rate ratio its log-method interval, and none when a count is zero', () => {
    const [l, h] = ratioInterval(2, [40, 20])!;
    const se = Math.sqrt(1 / 40 + 1 / 20);
    expect(l).toBeCloseTo(2 * Math.exp(-1.96 * se), 10);
    expect(h).toBeCloseTo(2 * Math.exp(1.96 * se), 10);
    expect(ratioInterval(2, [40, 0])).toBeNull();
  });
});
