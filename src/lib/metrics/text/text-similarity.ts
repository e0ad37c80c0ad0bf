import { normaliseText } from './normalise-text';

/** Normalised exact match (SQuAD EM): 1 when the two normalised texts are equal, else 0. */
export function exactMatch(a: string, b: string): number {
  return normaliseText(a) === normaliseText(b) ? 1 : 0;
}

/**
 * Token F1 as in SQuAD (Rajpurkar et al. 2016, evaluate-v2.0.py `compute_f1`): over the
 * normalised tokens, common = multiset intersection; F1 = 2PR/(P+R) with P = common/|a|,
 * R = common/|b|. When either side has no token, 1 if both have none, else 0. Symmetric.
 */
export function tokenF1(a: string, b: string): number {
  const ta = normaliseText(a).split(' ').filter(Boolean);
  const tb = normaliseText(b).split(' ').filter(Boolean);
  if (ta.length === 0 || tb.length === 0) return ta.length === tb.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      common++;
      counts.set(t, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / ta.length;
  const recall = common / tb.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Levenshtein (1966) distance between two strings, by Unicode code point (insert, delete, substitute = 1). */
export function levenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length];
}

/**
 * Character edit similarity 1 − Levenshtein(a, b) / max(|a|, |b|) on the normalised texts
 * (so case, punctuation and articles do not count); 1 when both are empty.
 */
export function editSimilarity(a: string, b: string): number {
  const na = normaliseText(a);
  const nb = normaliseText(b);
  const longest = Math.max(Array.from(na).length, Array.from(nb).length);
  return longest === 0 ? 1 : 1 - levenshtein(na, nb) / longest;
}
