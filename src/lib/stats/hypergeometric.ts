import { logChoose } from './log-gamma';

function check(lotSize: number, defectives: number, sampleSize: number, name: string): void {
  const whole = (v: number) => Number.isInteger(v) && v >= 0;
  if (!whole(lotSize) || !whole(defectives) || !whole(sampleSize) || defectives > lotSize || sampleSize > lotSize) {
    throw new RangeError(
      `${name}: need whole numbers with defectives ≤ lot size and sample size ≤ lot size, got N=${lotSize}, D=${defectives}, n=${sampleSize}`,
    );
  }
}

/**
 * P(X = k) where X is the number of defectives in a sample of n drawn without replacement
 * from a lot of N items of which D are defective: C(D,k)·C(N−D,n−k)/C(N,n), in log space via
 * log-gamma. Same as R `dhyper(k, D, N − D, n)` and SciPy `hypergeom.pmf(k, N, D, n)`.
 */
export function hypergeometricPmf(k: number, lotSize: number, defectives: number, sampleSize: number): number {
  check(lotSize, defectives, sampleSize, 'hypergeometricPmf');
  if (!Number.isInteger(k)) return 0;
  const lo = Math.max(0, sampleSize - (lotSize - defectives));
  const hi = Math.min(sampleSize, defectives);
  if (k < lo || k > hi) return 0;
  return Math.exp(logChoose(defectives, k) + logChoose(lotSize - defectives, sampleSize - k) - logChoose(lotSize, sampleSize));
}

/**
 * P(X ≤ k) for the hypergeometric X above (R `phyper(k, D, N − D, n)`): the probability that
 * a single sampling plan with acceptance number k accepts a lot of N items holding D defectives.
 * Sums the shorter tail so small probabilities keep their relative precision.
 */
export function hypergeometricCdf(k: number, lotSize: number, defectives: number, sampleSize: number): number {
  check(lotSize, defectives, sampleSize, 'hypergeometricCdf');
  const lo = Math.max(0, sampleSize - (lotSize - defectives));
  const hi = Math.min(sampleSize, defectives);
  const kk = Math.floor(k);
  if (kk < lo) return 0;
  if (kk >= hi) return 1;
  const mean = (sampleSize * defectives) / lotSize;
  let total = 0;
  if (kk < mean) {
    for (let i = kk; i >= lo; i--) total += hypergeometricPmf(i, lotSize, defectives, sampleSize);
    return Math.min(1, total);
  }
  for (let i = kk + 1; i <= hi; i++) total += hypergeometricPmf(i, lotSize, defectives, sampleSize);
  return Math.max(0, 1 - total);
}
