import { binomialCdf } from '../stats/binomial';
import { hypergeometricCdf } from '../stats/hypergeometric';

/** One point of an operating-characteristic curve. */
export interface OcPoint {
  /** Fraction of defective items in the lot. */
  defect_rate: number;
  /** P(accept) with a binomial model (sampling from an infinite lot / a process). */
  p_accept_binomial: number;
  /** P(accept) with the hypergeometric model for this lot (D = round(rate·N) defectives); null without a lot size. */
  p_accept_hypergeometric: number | null;
}

/**
 * The operating-characteristic (OC) curve of a single sampling plan (n, Ac): the probability
 * of accepting a lot as a function of its defect rate p — Type B (binomial, P(X ≤ Ac), X ~ Bin(n, p))
 * and Type A (hypergeometric for a lot of N items with D = round(p·N) defectives), Montgomery,
 * "Introduction to Statistical Quality Control", §15.2. `points` rates evenly spaced on [0, maxRate];
 * by default maxRate is where the binomial curve has fallen below 0.1 %.
 */
export function ocCurve(
  plan: { sample_size: number; accept: number },
  lotSize: number | null,
  options: { points?: number; maxRate?: number } = {},
): OcPoint[] {
  const { sample_size: n, accept: c } = plan;
  const points = options.points ?? 101;
  let maxRate = options.maxRate;
  if (maxRate === undefined) {
    maxRate = 1;
    for (let p = 0.001; p <= 1; p += 0.001) {
      if (binomialCdf(c, n, p) < 0.001) {
        maxRate = Math.min(1, p * 1.1);
        break;
      }
    }
  }
  const useLot = lotSize !== null && Number.isInteger(lotSize) && lotSize >= n;
  const curve: OcPoint[] = [];
  for (let i = 0; i < points; i++) {
    const rate = (maxRate * i) / (points - 1);
    curve.push({
      defect_rate: rate,
      p_accept_binomial: binomialCdf(c, n, rate),
      p_accept_hypergeometric: useLot ? hypergeometricCdf(c, lotSize, Math.round(rate * lotSize), n) : null,
    });
  }
  return curve;
}
