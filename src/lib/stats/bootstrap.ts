import { seededRandom } from './seeded-random';

/**
 * Percentile bootstrap over units (Efron & Tibshirani 1993, ch. 13) for data summarised as
 * groups of identical units: `frequencies[g]` units share the sufficient statistics of group g
 * (for agreement: items with the same per-category rating counts). Resampling N units with
 * replacement only matters through how many units of each group are drawn, which is
 * Multinomial(N, frequencies / N); each resample draws those counts directly (conditional
 * binomials, `multinomialSample`), so a resample costs O(groups · √N) instead of O(N), and
 * the statistic gets the resampled count of every group.
 */
export interface BootstrapOptions {
  resamples: number;
  seed: number;
}

export interface BootstrapResult {
  /** One Float64Array per statistic, one entry per resample; NaN where the statistic was undefined. */
  samples: Float64Array[];
}

/** Resamples units and evaluates `statistics` (returning one value or null per statistic) on each resample. */
export function bootstrapGroups(
  frequencies: ArrayLike<number>,
  statistics: (counts: Float64Array) => (number | null)[],
  options: BootstrapOptions,
): BootstrapResult {
  let units = 0;
  for (let g = 0; g < frequencies.length; g++) units += frequencies[g];
  const probabilities = Float64Array.from(frequencies, (f) => f / units);
  const random = seededRandom(options.seed);
  const counts = new Float64Array(frequencies.length);
  const samples: Float64Array[] = [];
  for (let r = 0; r < options.resamples; r++) {
    multinomialSample(random, units, probabilities, counts);
    const values = statistics(counts);
    values.forEach((value, s) => {
      samples[s] ??= new Float64Array(options.resamples);
      samples[s][r] = value ?? NaN;
    });
  }
  return { samples };
}

/**
 * Multinomial(n, p) counts into `out` by conditional binomials: c_g ~ Binomial(n − Σ_{h<g} c_h,
 * p_g / (1 − Σ_{h<g} p_h)) (e.g. Devroye 1986, XI.1.5).
 */
export function multinomialSample(random: () => number, n: number, probabilities: ArrayLike<number>, out: Float64Array): void {
  let left = n;
  let mass = 1;
  for (let g = 0; g < probabilities.length; g++) {
    const p = probabilities[g];
    if (left === 0 || p <= 0) out[g] = 0;
    else if (g === probabilities.length - 1 || p >= mass) out[g] = left;
    else out[g] = binomialSample(random, left, p / mass);
    left -= out[g];
    mass -= p;
  }
}

/**
 * One Binomial(n, p) draw by inversion, searching outwards from the mode with the pmf
 * recurrence (Kemp 1986's "mode search" inversion): expected O(√(np(1−p))) steps. The pmf at
 * the mode comes from log-factorials (`logFactorial`), so the draw is exact up to
 * floating-point rounding of the probabilities (~1e−10 relative for n ≈ 10⁶).
 */
export function binomialSample(random: () => number, n: number, p: number): number {
  if (p <= 0 || n === 0) return 0;
  if (p >= 1) return n;
  const q = 1 - p;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const atMode = Math.exp(
    logFactorial(n) - logFactorial(mode) - logFactorial(n - mode) + mode * Math.log(p) + (n - mode) * Math.log(q),
  );
  let u = random() - atMode;
  if (u <= 0) return mode;
  let down = mode;
  let up = mode;
  let fDown = atMode;
  let fUp = atMode;
  const ratio = p / q;
  while (down > 0 || up < n) {
    if (up < n) {
      fUp *= ((n - up) / (up + 1)) * ratio;
      up++;
      u -= fUp;
      if (u <= 0) return up;
    }
    if (down > 0) {
      fDown *= down / ((n - down + 1) * ratio);
      down--;
      u -= fDown;
      if (u <= 0) return down;
    }
    if (fUp < 1e-300 && fDown < 1e-300) break;
  }
  return mode; // the remaining mass is below floating-point rounding
}

const SMALL_LOG_FACTORIALS = (() => {
  const table = new Float64Array(64);
  for (let k = 1; k < 64; k++) table[k] = table[k - 1] + Math.log(k);
  return table;
})();

/** ln k! — a table below 64, above it Stirling's series to 1/k⁷ (error < 1e−16 relative there). */
export function logFactorial(k: number): number {
  if (k < 64) return SMALL_LOG_FACTORIALS[k];
  const inv = 1 / k;
  const inv2 = inv * inv;
  return (
    k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)))
  );
}

/**
 * The percentile interval of the defined (non-NaN) resampled values at `level` (e.g. 0.95),
 * with linear interpolation between order statistics (Hyndman & Fan 1996 type 7, R's default).
 * Null when no resample gave a defined value.
 */
export function percentileInterval(values: Float64Array, level = 0.95): [number, number] | null {
  const defined = values.filter((v) => !Number.isNaN(v)).sort();
  if (defined.length === 0) return null;
  const quantile = (p: number) => {
    const h = (defined.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, defined.length - 1);
    return defined[lo] + (h - lo) * (defined[hi] - defined[lo]);
  };
  return [quantile((1 - level) / 2), quantile(1 - (1 - level) / 2)];
}
