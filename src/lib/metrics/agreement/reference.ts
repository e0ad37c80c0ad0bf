import type { Level } from '../../db/schema';

/**
 * Plain-TypeScript reference implementations, written straight from the published formulas on
 * raw (item, annotator, value) ratings — no count patterns, no coincidence matrices — to
 * cross-check the SQL path in tests. O(n²) in places: for small data only.
 */
export interface Rating {
  item: string;
  annotator: string;
  value: string;
}

function byItem(ratings: readonly Rating[]): string[][] {
  const items = new Map<string, string[]>();
  for (const r of ratings) {
    if (!items.has(r.item)) items.set(r.item, []);
    items.get(r.item)!.push(r.value);
  }
  return [...items.values()];
}

/** Gwet (2014) eq. 2.9 with agreement weights w(a, b): mean over items with ≥ 2 ratings of agreeing ordered pairs. */
export function referencePercent(
  ratings: readonly Rating[],
  w: (a: string, b: string) => number = (a, b) => (a === b ? 1 : 0),
): number | null {
  const items = byItem(ratings).filter((v) => v.length >= 2);
  if (items.length === 0) return null;
  let sum = 0;
  for (const values of items) {
    let agree = 0;
    for (let i = 0; i < values.length; i++) for (let j = 0; j < values.length; j++) if (i !== j) agree += w(values[i], values[j]);
    sum += agree / (values.length * (values.length - 1));
  }
  return sum / items.length;
}

function shares(ratings: readonly Rating[], categories: readonly string[]): number[] {
  const items = byItem(ratings);
  return categories.map((c) => items.reduce((s, v) => s + v.filter((x) => x === c).length / v.length, 0) / items.length);
}

/** Fleiss' κ for unequal ratings (Gwet 2014 §2.3, irrCAC fleiss.kappa.raw), unweighted. */
export function referenceFleiss(ratings: readonly Rating[], categories: readonly string[]): number | null {
  const pa = referencePercent(ratings);
  const pi = shares(ratings, categories);
  const pe = pi.reduce((s, p) => s + p * p, 0);
  return pa === null || pe === 1 ? null : (pa - pe) / (1 - pe);
}

/** Gwet's AC1 / AC2 (Gwet 2008; irrCAC gwet.ac1.raw) with rank weights on `categories`. */
export function referenceGwet(
  ratings: readonly Rating[],
  categories: readonly string[],
  weighting: 'unweighted' | 'linear' | 'quadratic' = 'unweighted',
): number | null {
  const q = categories.length;
  const rank = (v: string) => categories.indexOf(v);
  const w = (a: string, b: string) => {
    const d = Math.abs(rank(a) - rank(b));
    if (weighting === 'unweighted') return d === 0 ? 1 : 0;
    return weighting === 'linear' ? 1 - d / (q - 1) : 1 - (d * d) / ((q - 1) * (q - 1));
  };
  const pa = referencePercent(ratings, w);
  if (pa === null || q < 2) return null;
  let tw = 0;
  for (const a of categories) for (const b of categories) tw += w(a, b);
  const pe = (tw * shares(ratings, categories).reduce((s, p) => s + p * (1 - p), 0)) / (q * (q - 1));
  return pe === 1 ? null : (pa - pe) / (1 - pe);
}

/**
 * Krippendorff's α (Krippendorff 2011, §A, the pairable-values form): D_o from the pairs of
 * values within each item weighted 1/(m_u − 1), D_e from all pairs of pairable values.
 * `numeric` maps a value to its number (interval/ratio); ordinal uses the order of `categories`.
 */
export function referenceAlpha(
  ratings: readonly Rating[],
  categories: readonly string[],
  level: Level,
  numeric: (v: string) => number = Number,
): number | null {
  const items = byItem(ratings).filter((v) => v.length >= 2);
  const pooled = items.flat();
  const n = pooled.length;
  if (n === 0) return null;
  const count = (c: string) => pooled.filter((x) => x === c).length;
  const delta = (a: string, b: string): number => {
    if (a === b) return 0;
    if (level === 'nominal') return 1;
    if (level === 'ordinal') {
      let lo = categories.indexOf(a);
      let hi = categories.indexOf(b);
      if (lo > hi) [lo, hi] = [hi, lo];
      let s = 0;
      for (let g = lo; g <= hi; g++) s += count(categories[g]);
      return (s - (count(a) + count(b)) / 2) ** 2;
    }
    const x = numeric(a);
    const y = numeric(b);
    if (level === 'interval') return (x - y) ** 2;
    return x + y === 0 ? 0 : ((x - y) / (x + y)) ** 2;
  };
  let observed = 0;
  for (const values of items) {
    for (let i = 0; i < values.length; i++)
      for (let j = 0; j < values.length; j++) if (i !== j) observed += delta(values[i], values[j]) / (values.length - 1);
  }
  let expected = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) expected += delta(pooled[i], pooled[j]);
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * Cohen's κ on the items both annotators rated (Cohen 1960/1968), weights on the rank among the
 * categories seen in those pairs (scikit-learn cohen_kappa_score): κ = 1 − Σ w·O / Σ w·E.
 */
export function referenceCohen(
  ratings: readonly Rating[],
  first: string,
  second: string,
  weighting: 'unweighted' | 'linear' | 'quadratic',
  categories: readonly string[],
): number | null {
  const a = new Map(ratings.filter((r) => r.annotator === first).map((r) => [r.item, r.value]));
  const pairs = ratings.filter((r) => r.annotator === second && a.has(r.item)).map((r) => [a.get(r.item)!, r.value] as const);
  const seen = categories.filter((c) => pairs.some(([x, y]) => x === c || y === c));
  const rank = (v: string) => seen.indexOf(v);
  const w = (x: string, y: string) => {
    const d = Math.abs(rank(x) - rank(y));
    return weighting === 'unweighted' ? (d ? 1 : 0) : weighting === 'linear' ? d : d * d;
  };
  const n = pairs.length;
  let observed = 0;
  for (const [x, y] of pairs) observed += w(x, y);
  let expected = 0;
  for (const [x] of pairs) for (const [, y] of pairs) expected += w(x, y) / n;
  return n === 0 || expected === 0 ? null : 1 - observed / expected;
}
