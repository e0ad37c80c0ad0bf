import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * ln Γ(x) for x > 0 (stdlib's `gammaln`, a port of the FreeBSD/Sun `lgamma`; relative error
 * near machine precision). Used for binomial coefficients in log space:
 * ln C(n, k) = lnΓ(n+1) − lnΓ(k+1) − lnΓ(n−k+1).
 */
export function logGamma(x: number): number {
  return gammaln(x);
}

/** ln C(n, k) via log-gamma; −Infinity when k is outside 0…n. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  if (k === 0 || k === n) return 0;
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}

/**
 * Stirling's-series error δ(n) = ln n! − [(n + ½) ln n − n + ½ ln 2π] (Loader 2000, "Fast and
 * accurate computation of binomial probabilities"; R's `stirlerr`). Direct from log-gamma for
 * n ≤ 15, the asymptotic series 1/12n − 1/360n³ + 1/1260n⁵ − … beyond.
 */
export function stirlingError(n: number): number {
  if (n <= 15) return gammaln(n + 1) - (n + 0.5) * Math.log(n) + n - 0.5 * Math.log(2 * Math.PI);
  const s0 = 1 / 12,
    s1 = 1 / 360,
    s2 = 1 / 1260,
    s3 = 1 / 1680,
    s4 = 1 / 1188;
  const nn = n * n;
  if (n > 500) return (s0 - s1 / nn) / n;
  if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}
