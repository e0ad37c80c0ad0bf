import { normaliseText } from './normalise-text';

/** A text normalised once for all three similarities: SQuAD-normalised, its tokens and its code points. */
export interface NormalisedText {
  text: string;
  tokens: string[];
  codePoints: number[];
}

export function normalised(text: string): NormalisedText {
  const n = normaliseText(text);
  return { text: n, tokens: n === '' ? [] : n.split(' '), codePoints: Array.from(n, (c) => c.codePointAt(0)!) };
}

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
  return tokenF1Of(normalised(a).tokens, normalised(b).tokens);
}

function tokenF1Of(ta: string[], tb: string[]): number {
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
  return levenshteinOf(
    Array.from(a, (c) => c.codePointAt(0)!),
    Array.from(b, (c) => c.codePointAt(0)!),
  );
}

/** The same over code points, with two rows of the dynamic programme. */
function levenshteinOf(s: number[], t: number[]): number {
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let previous = new Int32Array(t.length + 1);
  let current = new Int32Array(t.length + 1);
  for (let j = 0; j <= t.length; j++) previous[j] = j;
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    const si = s[i - 1];
    for (let j = 1; j <= t.length; j++) {
      const substitute = previous[j - 1] + (si === t[j - 1] ? 0 : 1);
      const edit = Math.min(previous[j], current[j - 1]) + 1;
      current[j] = substitute < edit ? substitute : edit;
    }
    [previous, current] = [current, previous];
  }
  return previous[t.length];
}

/**
 * Character edit similarity 1 − Levenshtein(a, b) / max(|a|, |b|) on the normalised texts
 * (so case, punctuation and articles do not count); 1 when both are empty.
 */
export function editSimilarity(a: string, b: string): number {
  return similarities(normalised(a), normalised(b)).edit_similarity;
}

/** The three similarities of two normalised texts (`exactMatch`, `tokenF1`, `editSimilarity`). */
export function similarities(a: NormalisedText, b: NormalisedText) {
  const longest = Math.max(a.codePoints.length, b.codePoints.length);
  return {
    exact_match: a.text === b.text ? 1 : 0,
    token_f1: tokenF1Of(a.tokens, b.tokens),
    edit_similarity: longest === 0 ? 1 : 1 - levenshteinOf(a.codePoints, b.codePoints) / longest,
  };
}
