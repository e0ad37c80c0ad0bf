import { betaQuantile } from './beta-quantile';

function checkCounts(k: number, n: number, confidence: number, name: string): void {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`${name}: need whole numbers 0 ≤ k ≤ n, got k=${k}, n=${n}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${name}: confidence must be in (0, 1), got ${confidence}`);
  }
}

/**
 * Two-sided exact (Clopper & Pearson 1934) interval for a binomial proportion k/n:
 * [B(α/2; k, n−k+1), B(1−α/2; k+1, n−k)] with α = 1 − confidence, lower = 0 when k = 0 and
 * upper = 1 when k = n — the convention of R `binom.test(k, n)$conf.int` and statsmodels
 * `proportion_confint(k, n, method='beta')`. `null` when n = 0 (no trials: undefined).
 */
export function clopperPearson(k: number, n: number, confidence = 0.95): [number, number] | null {
  checkCounts(k, n, confidence, 'clopperPearson');
  if (n === 0) return null;
  const alpha = 1 - confidence;
  const lower = k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1);
  const upper = k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k);
  return [lower, upper];
}

/**
 * One-sided exact lower confidence bound for a binomial proportion: B(α; k, n−k+1) with
 * α = 1 − confidence, 0 when k = 0 — R `binom.test(k, n, alternative = "greater")$conf.int[1]`.
 * The largest p₀ that k successes in n trials demonstrate at that confidence.
 * `null` when n = 0.
 */
export function clopperPearsonLower(k: number, n: number, confidence = 0.95): number | null {
  checkCounts(k, n, confidence, 'clopperPearsonLower');
  if (n === 0) return null;
  return k === 0 ? 0 : betaQuantile(1 - confidence, k, n - k + 1);
}

/**
 * One-sided exact upper confidence bound: B(confidence; k+1, n−k), 1 when k = n —
 * R `binom.test(k, n, alternative = "less")$conf.int[2]`. `null` when n = 0.
 */
export function clopperPearsonUpper(k: number, n: number, confidence = 0.95): number | null {
  checkCounts(k, n, confidence, 'clopperPearsonUpper');
  if (n === 0) return null;
  return k === n ? 1 : betaQuantile(confidence, k + 1, n - k);
}
