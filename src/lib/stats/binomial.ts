import { stirlingError } from './log-gamma';

function check(n: number, p: number, name: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name}: n must be a whole number ≥ 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${name}: p must be in [0, 1], got ${p}`);
}

/** Loader's deviance term bd0(x, np) = x ln(x/np) + np − x, by a series when x ≈ np (R `bd0`). */
function deviance(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let sum = (x - np) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / np) + np - x;
}

/**
 * ln P(X = k) for X ~ Binomial(n, p) by Loader's (2000) saddle-point expansion, the algorithm
 * of R `dbinom`: exact to ~1e-15 relative even for n in the millions, where the plain
 * log-gamma formula ln C(n,k) + k ln p + (n−k) ln(1−p) loses ~1e-9 to cancellation.
 */
export function binomialLogPmf(k: number, n: number, p: number): number {
  check(n, p, 'binomialLogPmf');
  if (!Number.isInteger(k) || k < 0 || k > n) return -Infinity;
  const q = 1 - p;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (q === 0) return k === n ? 0 : -Infinity;
  if (k === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -deviance(n, n * q) - n * p : n * Math.log1p(-p);
  }
  if (k === n) return q < 0.1 ? -deviance(n, n * p) - n * q : n * Math.log(p);
  const lc = stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, n * p) - deviance(n - k, n * q);
  const lf = Math.log(2 * Math.PI) + Math.log(k) + Math.log1p(-k / n);
  return lc - 0.5 * lf;
}

/** P(X = k) for X ~ Binomial(n, p) (R `dbinom`), via `binomialLogPmf` (Loader 2000). */
export function binomialPmf(k: number, n: number, p: number): number {
  return Math.exp(binomialLogPmf(k, n, p));
}

/**
 * Σ pmf(i) for i from `from` stepping by `step` (±1) while in 0…n, stopping once terms fall
 * below 1e-17 of the running sum on the far side of the mode (they only shrink there).
 */
function sumTerms(from: number, step: 1 | -1, n: number, p: number): number {
  const mode = Math.floor((n + 1) * p);
  let total = 0;
  for (let i = from; i >= 0 && i <= n; i += step) {
    const term = binomialPmf(i, n, p);
    total += term;
    const pastMode = step === 1 ? i > mode : i < mode;
    if (pastMode && term <= total * 1e-17) break;
  }
  return total;
}

/**
 * P(X ≤ k) for X ~ Binomial(n, p) (R `pbinom(k, n, p)`). Sums the pmf over whichever tail is
 * the small one (lower tail directly when k is below the mean, else 1 − upper tail), so
 * small tail probabilities keep their relative precision.
 */
export function binomialCdf(k: number, n: number, p: number): number {
  check(n, p, 'binomialCdf');
  if (k < 0) return 0;
  if (k >= n) return 1;
  const kk = Math.floor(k);
  if (kk < n * p) return Math.min(1, sumTerms(kk, -1, n, p));
  return Math.max(0, 1 - sumTerms(kk + 1, 1, n, p));
}

/** P(X > k) for X ~ Binomial(n, p) (R `pbinom(k, n, p, lower.tail = FALSE)`), small-tail accurate. */
export function binomialSf(k: number, n: number, p: number): number {
  check(n, p, 'binomialSf');
  if (k < 0) return 1;
  if (k >= n) return 0;
  const kk = Math.floor(k);
  if (kk + 1 > n * p) return Math.min(1, sumTerms(kk + 1, 1, n, p));
  return Math.max(0, 1 - sumTerms(kk, -1, n, p));
}

/**
 * Exact two-sided binomial test p-value for k successes in n trials under H₀: p, following
 * R `binom.test` exactly: the probability of all outcomes no more likely than the observed
 * one (pmf ≤ pmf(k)·(1 + 1e−7)), summed over both tails; 1 when k = n·p. `null` when n = 0.
 */
export function binomialTestTwoSided(k: number, n: number, p = 0.5): number | null {
  check(n, p, 'binomialTestTwoSided');
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`binomialTestTwoSided: need a whole number 0 ≤ k ≤ n, got k=${k}, n=${n}`);
  }
  if (n === 0) return null;
  const relErr = 1 + 1e-7;
  const d = binomialPmf(k, n, p);
  const m = n * p;
  if (k === m) return 1;
  let pValue: number;
  if (k < m) {
    // y = #{i in ceil(m)…n : pmf(i) ≤ d}; those i form the upper tail n−y+1…n.
    let y = 0;
    for (let i = Math.ceil(m); i <= n; i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
    pValue = binomialCdf(k, n, p) + binomialSf(n - y, n, p);
  } else {
    let y = 0;
    for (let i = 0; i <= Math.floor(m); i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
    pValue = binomialCdf(y - 1, n, p) + binomialSf(k - 1, n, p);
  }
  return Math.min(1, pValue);
}
