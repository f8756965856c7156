import quantile from '@stdlib/stats-base-dists-chisquare-quantile';

/**
 * The 95 % exact Poisson (Garwood) interval for an observed count k:
 * [χ²(0.025; 2k) / 2, χ²(0.975; 2k + 2) / 2], the lower bound 0 when k = 0.
 */
export function garwood(k: number): [number, number] {
  const low = k === 0 ? 0 : quantile(0.025, 2 * k) / 2;
  return [low, quantile(0.975, 2 * k + 2) / 2];
}

/**
 * A ratio of rates with its 95 % interval by the log method: exp(ln R ± 1.96 √(Σ 1/count)),
 * where the counts are the events behind every rate in the ratio (two for a rate ratio,
 * four for a difference in differences). Undefined when a count is 0.
 */
export function ratioInterval(ratio: number, counts: readonly number[]): [number, number] | null {
  if (counts.some((c) => c <= 0) || !(ratio > 0)) return null;
  const se = Math.sqrt(counts.reduce((s, c) => s + 1 / c, 0));
  return [Math.exp(Math.log(ratio) - 1.96 * se), Math.exp(Math.log(ratio) + 1.96 * se)];
}
