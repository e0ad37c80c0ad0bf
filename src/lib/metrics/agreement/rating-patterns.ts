/**
 * The shared sufficient statistics of every multi-rater coefficient: for one question, the
 * ordered categories and the distinct per-item count patterns (how many ratings fell in each
 * category) with the number of items showing each pattern. Percent agreement, Fleiss' κ,
 * Gwet's AC1/AC2 and Krippendorff's α are all sums over items of functions of these counts
 * (Gwet 2014 ch. 2–4; Krippendorff 2011 §B), so items with the same pattern are computed once
 * and a bootstrap over items is a resampling of pattern frequencies.
 */
export interface Category {
  /** The value as stored: the label, or the score as text for `number` questions. */
  value: string;
  /** Numeric value when the value is a number (used by the interval and ratio metrics). */
  numeric: number | null;
}

export interface CountPattern {
  /** Category indices (into `categories`) with at least one rating, ascending. */
  categories: Int32Array;
  /** Ratings in each of those categories. */
  counts: Int32Array;
  /** Total ratings of an item with this pattern (m_u). */
  ratings: number;
  /** Number of items with this pattern. */
  items: number;
}

export interface RatingPatterns {
  /** Ordered categories: the `questions.categories` order, numbers numerically. */
  categories: Category[];
  patterns: CountPattern[];
}

/** Parses a stored value as a number, or null (empty, non-numeric, non-finite). */
export function numericValue(value: string): number | null {
  if (value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * Orders the distinct values of a question: `number` questions numerically; categories by
 * their position in `questions.categories`, then numerically, then as text.
 */
export function orderCategories(values: Iterable<string>, valueKind: string, declared: readonly string[] | null): Category[] {
  const position = new Map((declared ?? []).map((v, i) => [v, i] as const));
  const cats = [...new Set(values)].map((value) => ({ value, numeric: numericValue(value) }));
  const byNumber = (a: Category, b: Category) =>
    a.numeric === null ? (b.numeric === null ? 0 : 1) : b.numeric === null ? -1 : a.numeric - b.numeric;
  cats.sort((a, b) => {
    if (valueKind !== 'number') {
      const pa = position.get(a.value) ?? Infinity;
      const pb = position.get(b.value) ?? Infinity;
      if (pa !== pb) return pa - pb;
    }
    return byNumber(a, b) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  });
  return cats;
}

/** Builds the count patterns from item value lists (each list = one item's ratings) and their frequencies. */
export function patternsFromValueLists(
  rows: readonly { values: readonly string[]; items: number }[],
  categories: readonly Category[],
): CountPattern[] {
  const index = new Map(categories.map((c, i) => [c.value, i] as const));
  const merged = new Map<string, CountPattern>();
  for (const row of rows) {
    const counts = new Map<number, number>();
    for (const v of row.values) {
      const i = index.get(v);
      if (i === undefined) throw new Error(`value "${v}" is not among the question's categories`);
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const cats = [...counts.keys()].sort((a, b) => a - b);
    const key = cats.map((c) => `${c}:${counts.get(c)}`).join(',');
    const existing = merged.get(key);
    if (existing) existing.items += row.items;
    else
      merged.set(key, {
        categories: Int32Array.from(cats),
        counts: Int32Array.from(cats, (c) => counts.get(c)!),
        ratings: row.values.length,
        items: row.items,
      });
  }
  // A fixed order (by pattern key), whatever order the SQL returned rows in: the bootstrap
  // draws units in pattern order, so this makes its intervals reproducible from the seed.
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

/** The pattern frequencies as a typed array (the weights every coefficient function takes). */
export function patternFrequencies(patterns: readonly CountPattern[]): Float64Array {
  return Float64Array.from(patterns, (p) => p.items);
}
