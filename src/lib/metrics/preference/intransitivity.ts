/**
 * Intransitive (cyclic) triads in the majority preferences between compared models.
 * For each pair of models the majority direction is the side with more wins over all
 * judgements comparing them (ties left out; an even split or no comparison leaves the pair
 * undecided). A triad {i, j, k} whose three pairs are all decided is cyclic when the
 * majorities run round in a circle (i ≻ j ≻ k ≻ i) — Condorcet's paradox; Kendall &
 * Babington Smith (1940) count such "circular triads" in paired comparisons.
 */
export interface Intransitivity {
  /** Triads with all three pairs decided by a strict majority. */
  decided_triads: number;
  cyclic_triads: number;
  /** cyclic / decided, null when no triad is decided. */
  cyclic_share: number | null;
  /** Each cycle as [winner over second, second over third, third over first]. */
  cycles: [string, string, string][];
  reasons: Record<string, string>;
}

/** `wins[i][j]` = judgements where model i was preferred to model j (ties excluded). */
export function intransitiveTriads(models: readonly string[], wins: readonly (readonly number[])[]): Intransitivity {
  const n = models.length;
  const beats = (i: number, j: number) => wins[i][j] > wins[j][i];
  const decided = (i: number, j: number) => wins[i][j] !== wins[j][i];
  let decidedTriads = 0;
  const cycles: [string, string, string][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let k = j + 1; k < n; k++) {
        if (!decided(i, j) || !decided(j, k) || !decided(i, k)) continue;
        decidedTriads++;
        if (beats(i, j) && beats(j, k) && beats(k, i)) cycles.push([models[i], models[j], models[k]]);
        else if (beats(j, i) && beats(k, j) && beats(i, k)) cycles.push([models[i], models[k], models[j]]);
      }
    }
  }
  const reasons: Record<string, string> = {};
  if (decidedTriads === 0) {
    reasons.cyclic_share =
      n < 3 ? `fewer than 3 compared models (${n})` : 'no three models whose three pairs all have a strict majority';
  }
  return {
    decided_triads: decidedTriads,
    cyclic_triads: cycles.length,
    cyclic_share: decidedTriads ? cycles.length / decidedTriads : null,
    cycles,
    reasons,
  };
}
