import type { Level } from '../../db/schema';
import { defined, undefinedBecause, type Coefficient } from './coefficient';
import type { Category, CountPattern } from './rating-patterns';

/**
 * Krippendorff's coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability", §B): o_ck = Σ_u n_uc (n_uk − [c = k]) / (m_u − 1) over items with
 * m_u ≥ 2 ratings (the others are not pairable). Row-major V × V, plus marginals n_c and n.
 */
export interface Coincidences {
  matrix: Float64Array;
  marginals: Float64Array;
  total: number;
}

/** Coincidences from count patterns weighted by `frequencies` (items per pattern). */
export function coincidences(patterns: readonly CountPattern[], frequencies: ArrayLike<number>, v: number): Coincidences {
  const matrix = new Float64Array(v * v);
  for (let p = 0; p < patterns.length; p++) {
    const f = frequencies[p];
    const { categories, counts, ratings } = patterns[p];
    if (f === 0 || ratings < 2) continue;
    const scale = f / (ratings - 1);
    for (let a = 0; a < categories.length; a++) {
      for (let b = 0; b < categories.length; b++) {
        matrix[categories[a] * v + categories[b]] += scale * counts[a] * (counts[b] - (a === b ? 1 : 0));
      }
    }
  }
  const marginals = new Float64Array(v);
  let total = 0;
  for (let c = 0; c < v; c++) {
    for (let k = 0; k < v; k++) marginals[c] += matrix[c * v + k];
    total += marginals[c];
  }
  return { matrix, marginals, total };
}

/** Why a level's metric cannot be used on these categories, or null when it can. */
export function metricUnavailable(level: Level, categories: readonly Category[]): string | null {
  if (level !== 'interval' && level !== 'ratio') return null;
  if (categories.some((c) => c.numeric === null)) return `α ${level}: the values are not all numbers`;
  if (level === 'ratio' && categories.some((c) => c.numeric! < 0)) return 'α ratio: negative values have no ratio metric';
  return null;
}

/**
 * Squared difference δ²_ck of Krippendorff (2011) §C: nominal 0/1; ordinal
 * (Σ_{g=c..k} n_g − (n_c + n_k)/2)² with the coincidence marginals; interval (c − k)²;
 * ratio ((c − k)/(c + k))².
 */
export function distanceMatrix(level: Level, categories: readonly Category[], marginals: Float64Array): Float64Array {
  const v = categories.length;
  const delta = new Float64Array(v * v);
  const cumulative = new Float64Array(v + 1);
  for (let g = 0; g < v; g++) cumulative[g + 1] = cumulative[g] + marginals[g];
  for (let c = 0; c < v; c++) {
    for (let k = 0; k < v; k++) {
      if (c === k) continue;
      let d: number;
      if (level === 'nominal') d = 1;
      else if (level === 'ordinal') {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        d = cumulative[hi + 1] - cumulative[lo] - (marginals[c] + marginals[k]) / 2;
        d *= d;
      } else {
        const a = categories[c].numeric!;
        const b = categories[k].numeric!;
        d = level === 'interval' ? (a - b) ** 2 : a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      }
      delta[c * v + k] = d;
    }
  }
  return delta;
}

/** α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck (Krippendorff 2011, §C). */
export function alphaFromCoincidences(level: Level, categories: readonly Category[], co: Coincidences): Coefficient {
  const unavailable = metricUnavailable(level, categories);
  if (unavailable) return undefinedBecause(unavailable);
  if (co.total === 0) return undefinedBecause('no item has two or more ratings (nothing is pairable)');
  const v = categories.length;
  const delta = distanceMatrix(level, categories, co.marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < v; c++) {
    for (let k = 0; k < v; k++) {
      const d = delta[c * v + k];
      if (d === 0) continue;
      observed += co.matrix[c * v + k] * d;
      expected += co.marginals[c] * co.marginals[k] * d;
    }
  }
  if (!(expected > 0)) return undefinedBecause(`α ${level}: every pairable rating has the same value (no variation)`);
  return defined(1 - ((co.total - 1) * observed) / expected);
}
