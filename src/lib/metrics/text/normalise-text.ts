const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/**
 * SQuAD answer normalisation (Rajpurkar et al. 2016, official evaluate-v1.1.py
 * `normalize_answer`): lower-case, remove ASCII punctuation, remove the articles a / an / the,
 * collapse whitespace.
 */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(PUNCTUATION, '')
    .replace(/\b(a|an|the)\b/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}
