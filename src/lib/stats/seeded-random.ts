/**
 * A seeded pseudo-random generator (mulberry32, Tommy Ettinger 2017): the same seed gives
 * the same sequence in every browser and on Node, so bootstraps and drawn samples are
 * reproducible from the seed shown in reports. Returns floats in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n) from a generator made by `seededRandom`. */
export function randomIndex(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
