import { clopperPearsonLower } from '../../stats/clopper-pearson';

/** The accuracy targets offered as presets in the Guarantee view and the CLI. */
export const TARGET_PRESETS = [0.95, 0.99, 0.995] as const;

function checkTarget(target: number, confidence: number): void {
  if (!(target > 0 && target < 1)) throw new RangeError(`the accuracy target must be in (0, 1), e.g. 0.99; got ${target}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`the confidence must be in (0, 1), e.g. 0.95; got ${confidence}`);
}

/**
 * Whether `errors` wrong answers among `n` gold-checked judgements demonstrate accuracy ≥ target:
 * the one-sided lower Clopper–Pearson bound B(α; n−k, k+1) at confidence 1−α is ≥ target
 * (DESIGN.md "Guarantee check"; Clopper & Pearson 1934).
 */
export function demonstrates(n: number, errors: number, target: number, confidence: number): boolean {
  const lower = clopperPearsonLower(n - errors, n, confidence);
  return lower !== null && lower >= target;
}

/**
 * The smallest number n of gold items that demonstrates accuracy ≥ `target` at `confidence`
 * when at most `allowedErrors` of them are wrong: the smallest n with lower Clopper–Pearson
 * bound (n − k correct of n) ≥ target. With k = 0 this is ⌈ln α / ln p₀⌉ (the "rule of
 * three" family): 598 for p₀ = 0.995 at 95 %. The bound grows with n for fixed k, so the
 * answer is found by doubling then bisection.
 */
export function requiredSampleSize(target: number, confidence: number, allowedErrors: number): number {
  checkTarget(target, confidence);
  if (!Number.isInteger(allowedErrors) || allowedErrors < 0) {
    throw new RangeError(`requiredSampleSize: allowed errors must be a whole number ≥ 0, got ${allowedErrors}`);
  }
  const k = allowedErrors;
  let lo = k; // never enough: with n = k every answer may be wrong
  let hi = Math.max(k + 1, 2 * k + 1);
  while (!demonstrates(hi, k, target, confidence)) {
    lo = hi;
    hi *= 2;
    if (hi > 1e12) throw new RangeError('requiredSampleSize: no sample size below 10¹² demonstrates this target');
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (demonstrates(mid, k, target, confidence)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Required n for 0, 1, … `maxErrors` allowed errors, keyed by the number of errors as a string (the report's `required_n`). */
export function requiredSampleSizes(target: number, confidence: number, maxErrors = 2): Record<string, number> {
  const out: Record<string, number> = {};
  for (let k = 0; k <= maxErrors; k++) out[String(k)] = requiredSampleSize(target, confidence, k);
  return out;
}
