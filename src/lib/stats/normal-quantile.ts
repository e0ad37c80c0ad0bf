import quantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * The standard normal quantile z_p = Φ⁻¹(p) (stdlib's implementation: the inverse error
 * function of Blair, Edwards & Johnson 1976 / Boost; matches R `qnorm` to ~1e-15).
 * `normalQuantile(0.975)` = 1.959963984540054 (R `qnorm(0.975)`).
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  return quantile(p, 0, 1);
}
