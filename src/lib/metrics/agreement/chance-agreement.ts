import { chanceCorrected, defined, undefinedBecause, type Coefficient } from './coefficient';
import type { CountPattern } from './rating-patterns';

/**
 * The two building blocks of Gwet's framework (Gwet 2014, Handbook of Inter-Rater
 * Reliability, eq. 2.9 and 3.x; irrCAC `pa.coeff.raw`, `fleiss.kappa.raw`, `gwet.ac1.raw`):
 *   pa  = mean over items with r_i ≥ 2 of Σ_k r_ik (r*_ik − 1) / (r_i (r_i − 1)),  r*_ik = Σ_l w_kl r_il
 *   π_k = mean over items with r_i ≥ 1 of r_ik / r_i
 * `frequencies[p]` is how many items have pattern p (a bootstrap passes resampled counts).
 */
export interface RatingShares {
  observed: number | null;
  classification: Float64Array;
  pairableItems: number;
  ratedItems: number;
}

/** Weighted percent agreement pa and category shares π from count patterns (weights row-major q × q). */
export function ratingShares(
  patterns: readonly CountPattern[],
  frequencies: ArrayLike<number>,
  q: number,
  weights: Float64Array,
): RatingShares {
  const pi = new Float64Array(q);
  let agreementSum = 0;
  let pairable = 0;
  let rated = 0;
  for (let p = 0; p < patterns.length; p++) {
    const f = frequencies[p];
    if (f === 0) continue;
    const { categories, counts, ratings } = patterns[p];
    rated += f;
    for (let a = 0; a < categories.length; a++) pi[categories[a]] += (f * counts[a]) / ratings;
    if (ratings < 2) continue;
    let s = 0;
    for (let a = 0; a < categories.length; a++) {
      let weighted = 0;
      for (let b = 0; b < categories.length; b++) weighted += weights[categories[a] * q + categories[b]] * counts[b];
      s += counts[a] * (weighted - 1);
    }
    agreementSum += (f * s) / (ratings * (ratings - 1));
    pairable += f;
  }
  for (let k = 0; k < q; k++) pi[k] /= rated;
  return {
    observed: pairable > 0 ? agreementSum / pairable : null,
    classification: pi,
    pairableItems: pairable,
    ratedItems: rated,
  };
}

const NOT_PAIRABLE = 'no item has two or more ratings';

/** Percent agreement: share of agreeing ordered pairs of ratings, averaged over items (irrCAC pa.coeff.raw). */
export function percentAgreement(shares: RatingShares): Coefficient {
  return shares.observed === null ? undefinedBecause(NOT_PAIRABLE) : defined(shares.observed);
}

/**
 * Fleiss' κ generalised to unequal ratings per item (Fleiss 1971; Gwet 2014 §2.3; irrCAC
 * fleiss.kappa.raw): pe = Σ_kl w_kl π_k π_l.
 */
export function fleissKappa(shares: RatingShares, weights: Float64Array): Coefficient {
  if (shares.observed === null) return undefinedBecause(NOT_PAIRABLE);
  const q = shares.classification.length;
  let expected = 0;
  for (let k = 0; k < q; k++)
    for (let l = 0; l < q; l++) expected += weights[k * q + l] * shares.classification[k] * shares.classification[l];
  return chanceCorrected(shares.observed, expected, "Fleiss' κ");
}

/**
 * Gwet's AC1 (unweighted) / AC2 (weighted) (Gwet 2008; Gwet 2014 §4; irrCAC gwet.ac1.raw):
 * pe = (Σ_kl w_kl) · Σ_k π_k (1 − π_k) / (q (q − 1)), q = number of categories used.
 * With one category irrCAC substitutes pe = 1e−15; here the coefficient is null instead.
 */
export function gwetAC(shares: RatingShares, weights: Float64Array): Coefficient {
  if (shares.observed === null) return undefinedBecause(NOT_PAIRABLE);
  const q = shares.classification.length;
  if (q < 2) return undefinedBecause("Gwet's AC: only one category was used (chance agreement undefined)");
  let weightSum = 0;
  for (const w of weights) weightSum += w;
  let spread = 0;
  for (const p of shares.classification) spread += p * (1 - p);
  return chanceCorrected(shares.observed, (weightSum * spread) / (q * (q - 1)), "Gwet's AC");
}
