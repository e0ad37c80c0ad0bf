import { randomIndex, seededRandom } from '../stats/seeded-random';

/** Byte-order comparison of strings: the same order in every locale and runtime. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A simple random sample without replacement of `n` distinct item ids, reproducible from
 * `seed`: the ids are de-duplicated and sorted by code unit first (so the draw does not
 * depend on load order), then `samplePositions` picks them. Returned in draw order. When n is
 * at least the number of items, every item is returned (100 % inspection).
 */
export function drawSample(itemIds: readonly string[], n: number, seed: number): string[] {
  const pool = [...new Set(itemIds)].sort(compareCodeUnits);
  return samplePositions(pool.length, n, seed).map((position) => pool[position]);
}

/**
 * The positions (0-based, in draw order) of a simple random sample without replacement of
 * `n` of `size` sorted items: a partial Fisher–Yates shuffle (Knuth, TAOCP vol. 2,
 * Algorithm P) driven by `seededRandom(seed)`, over the positions themselves (only the moved
 * ones are stored), so a lot of millions of items is sampled without holding its ids.
 */
export function samplePositions(size: number, n: number, seed: number): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`drawSample: the sample size must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`drawSample: the seed must be a whole number in 0…4294967295, got ${seed}`);
  }
  const moved = new Map<number, number>();
  const at = (i: number) => moved.get(i) ?? i;
  const random = seededRandom(seed);
  const drawn: number[] = [];
  for (let i = 0; i < Math.min(n, size); i++) {
    const j = i + randomIndex(random, size - i);
    const [first, picked] = [at(i), at(j)];
    moved.set(j, first);
    drawn.push(picked);
  }
  return drawn;
}

/** A fresh seed in 0…2³²−1 from the platform's cryptographic generator (shown to the user and stored in the report). */
export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}
