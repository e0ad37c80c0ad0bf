import { seededRandom } from '../../src/lib/stats/seeded-random';

/** A 32-bit seed from labelled parts (FNV-1a over `parts.join('|')`), so every stream is named and stable. */
export function seedFrom(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Draws for the sample-data generator, on top of `seededRandom` (mulberry32). Each concern
 * gets its own named stream (`Rng.for('answers', item, annotator)`), so changing one part of
 * the model does not reshuffle every other part.
 */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  static for(...parts: (string | number)[]): Rng {
    return new Rng(seedFrom(...parts));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** A whole number in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** One element, with probability proportional to its weight. */
  weighted<T>(xs: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0);
    let u = this.next() * total;
    for (let i = 0; i < xs.length; i++) {
      u -= weights[i];
      if (u < 0) return xs[i];
    }
    return xs[xs.length - 1];
  }

  /** k distinct elements, each draw proportional to weight among those left. */
  sampleWeighted<T>(xs: readonly T[], weights: readonly number[], k: number): T[] {
    const left = xs.map((x, i) => ({ x, w: weights[i] }));
    const out: T[] = [];
    while (out.length < k && left.length > 0) {
      const chosen = this.weighted(left, left.map((l) => l.w));
      out.push(chosen.x);
      left.splice(left.indexOf(chosen), 1);
    }
    return out;
  }

  /** Standard normal by Box–Muller (Box & Muller 1958), scaled. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(xs: readonly T[]): T[] {
    const out = xs.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
