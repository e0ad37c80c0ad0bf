import { logChoose } from '../stats/log-gamma';

/** Inputs of `exactPlan`: rates are fractions (AQL 1 % = 0.01), risks are probabilities. */
export interface ExactPlanInput {
  lotSize: number;
  /** Acceptable quality level as a fraction of defective items. */
  aql: number;
  /** α: the largest allowed probability of rejecting a lot at the AQL. */
  producerRisk: number;
  /** Limiting quality (LQ / LTPD) as a fraction of defective items. */
  lqOrLtpd: number;
  /** β: the largest allowed probability of accepting a lot at the limiting quality. */
  consumerRisk: number;
}

export interface ExactPlan {
  sample_size: number;
  accept: number;
  reject: number;
  lot_size: number;
  /** Defectives in the lot at the AQL, floor(AQL·N): the worst lot the producer is protected for. */
  defectives_at_aql: number;
  /** Defectives in the lot at the LQ, ceil(LQ·N): the best lot the consumer is protected against. */
  defectives_at_lq: number;
  /** P(accept | D = defectives_at_aql), ≥ 1 − α. */
  p_accept_at_aql: number;
  /** P(accept | D = defectives_at_lq), ≤ β. */
  p_accept_at_lq: number;
  /** The sample is the whole lot. */
  inspect_all: boolean;
}

/**
 * Cumulative hypergeometric probabilities P(X ≤ c) for c = 0, 1, … until `stop(c, cdf)` is true
 * or the support ends, by the pmf recurrence p(k+1)/p(k) = (D−k)(n−k) / ((k+1)(N−D−n+k+1)).
 */
function cdfUntil(
  lotSize: number,
  defectives: number,
  n: number,
  stop: (c: number, cdf: number) => boolean,
): { c: number; cdf: number } {
  const lo = Math.max(0, n - (lotSize - defectives));
  const hi = Math.min(n, defectives);
  let pmf = Math.exp(logChoose(defectives, lo) + logChoose(lotSize - defectives, n - lo) - logChoose(lotSize, n));
  let cdf = 0;
  for (let c = 0; c < lo; c++) if (stop(c, 0)) return { c, cdf: 0 };
  for (let k = lo; k <= hi; k++) {
    cdf += pmf;
    if (k === hi) cdf = 1;
    if (stop(k, cdf)) return { c: k, cdf };
    pmf *= ((defectives - k) * (n - k)) / ((k + 1) * (lotSize - defectives - n + k + 1));
  }
  return { c: n, cdf: 1 };
}

function acceptProbability(lotSize: number, defectives: number, n: number, c: number): number {
  return cdfUntil(lotSize, defectives, n, (k) => k >= c).cdf;
}

/**
 * The smallest single sampling plan (n, c) for a lot of N items computed from the
 * hypergeometric distribution (sampling without replacement; Schilling & Neubauer,
 * "Acceptance Sampling in Quality Control", ch. 5; ISO 2859-2 uses the same model):
 * P(accept | D = floor(AQL·N)) ≥ 1 − α and P(accept | D = ceil(LQ·N)) ≤ β.
 * For each n = 1, 2, … the acceptance number is the smallest c meeting the producer's risk;
 * the first n whose c also meets the consumer's risk is returned (n = N always works).
 */
export function exactPlan(input: ExactPlanInput): ExactPlan {
  const { lotSize, aql, producerRisk, lqOrLtpd, consumerRisk } = input;
  if (!Number.isInteger(lotSize) || lotSize < 1)
    throw new RangeError(`exactPlan: the lot size must be a whole number ≥ 1, got ${lotSize}`);
  if (!(aql >= 0 && aql < lqOrLtpd && lqOrLtpd <= 1)) {
    throw new RangeError(`exactPlan: need 0 ≤ AQL < LQ ≤ 1 (as fractions, 1 % = 0.01), got AQL=${aql}, LQ=${lqOrLtpd}`);
  }
  for (const [name, risk] of [
    ['producer', producerRisk],
    ['consumer', consumerRisk],
  ] as const) {
    if (!(risk > 0 && risk < 1)) throw new RangeError(`exactPlan: the ${name}'s risk must be in (0, 1), got ${risk}`);
  }
  const dAql = Math.floor(aql * lotSize + 1e-9);
  const dLq = Math.ceil(lqOrLtpd * lotSize - 1e-9);
  if (dLq <= dAql) {
    throw new RangeError(
      `exactPlan: a lot of ${lotSize} cannot tell the AQL from the LQ (both mean ${dAql} defective items); widen the gap or use a larger lot`,
    );
  }
  for (let n = 1; n <= lotSize; n++) {
    const { c, cdf } = cdfUntil(lotSize, dAql, n, (_k, p) => p >= 1 - producerRisk);
    const atLq = acceptProbability(lotSize, dLq, n, c);
    if (atLq <= consumerRisk) {
      return {
        sample_size: n,
        accept: c,
        reject: c + 1,
        lot_size: lotSize,
        defectives_at_aql: dAql,
        defectives_at_lq: dLq,
        p_accept_at_aql: cdf,
        p_accept_at_lq: atLq,
        inspect_all: n === lotSize,
      };
    }
  }
  throw new Error('exactPlan: no plan found (unreachable: n = N with c = floor(AQL·N) always qualifies)');
}
