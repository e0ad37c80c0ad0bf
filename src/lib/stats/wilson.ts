import { normalQuantile } from './normal-quantile';

/**
 * Wilson (1927) score interval for a binomial proportion p̂ = k/n, z = Φ⁻¹(1 − α/2):
 * centre (p̂ + z²/2n) / (1 + z²/n), half-width z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n) —
 * statsmodels `proportion_confint(k, n, method='wilson')` (no continuity correction).
 * Clamped to [0, 1] against rounding. `null` when n = 0.
 */
export function wilson(k: number, n: number, confidence = 0.95): [number, number] | null {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`wilson: need whole numbers 0 ≤ k ≤ n, got k=${k}, n=${n}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`wilson: confidence must be in (0, 1), got ${confidence}`);
  }
  if (n === 0) return null;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const p = k / n;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)];
}
