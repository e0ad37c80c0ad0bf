import quantile from '@stdlib/stats-base-dists-beta-quantile';

/**
 * The p-quantile of the Beta(a, b) distribution: the x with I_x(a, b) = p (regularised
 * incomplete beta). stdlib's `betaincinv` (a port of Boost's `ibeta_inv`, DiDonato & Morris
 * 1992 Algorithm 708 start + Halley refinement). Checked against R `qbeta` / SciPy
 * `beta.ppf` to 1e-12 in test/stats/beta-quantile.test.ts.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`betaQuantile: p must be in [0, 1], got ${p}`);
  if (!(a > 0 && b > 0)) {
    throw new RangeError(`betaQuantile: shape parameters must be > 0, got a=${a}, b=${b}`);
  }
  return quantile(p, a, b);
}
