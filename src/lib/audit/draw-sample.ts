import { randomIndex, seededRandom } from '../stats/seeded-random';

/** Byte-order comparison of strings: the same order in every locale and runtime. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A simple random sample without replacement of `n` distinct item ids, reproducible from
 * `seed`: the ids are de-duplicated and sorted by code unit first (so the draw does not
 * depend on load order), then a partial Fisher–Yates shuffle (Knuth, TAOCP vol. 2, Algorithm P)
 * driven by `seededRandom(seed)` (mulberry32) picks them. Returned in draw order. When n is
 * at least the number of items, every item is returned (100 % inspection).
 */
export function drawSample(itemIds: readonly string[], n: number, seed: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`drawSample: the sample size must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`drawSample: the seed must be a whole number in 0…4294967295, got ${seed}`);
  }
  const pool = [...new Set(itemIds)].sort(compareCodeUnits);
  const size = Math.min(n, pool.length);
  const random = seededRandom(seed);
  for (let i = 0; i < size; i++) {
    const j = i + randomIndex(random, pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, size);
}

/** A fresh seed in 0…2³²−1 from the platform's cryptographic generator (shown to the user and stored in the report). */
export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}
