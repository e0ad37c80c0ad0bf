/**
 * Bradley–Terry model (Bradley & Terry 1952): P(i beats j) = πᵢ / (πᵢ + πⱼ).
 * Maximum-likelihood strengths by the MM algorithm of Hunter (2004, "MM algorithms for
 * generalized Bradley–Terry models", Ann. Statist. 32(1), eq. 3):
 *   πᵢ ← Wᵢ / Σ_{j≠i} nᵢⱼ / (πᵢ + πⱼ),  then normalised to Σ π = 1,
 * where Wᵢ is i's number of wins and nᵢⱼ the number of comparisons of i and j.
 * A tie counts as half a win for each side (the usual convention, e.g. Davidson 1970 notes
 * it as the simplest treatment). The MLE exists iff the "beats" graph is strongly connected
 * (Hunter 2004, Assumption 1; Ford 1957); otherwise the fit is null with that reason.
 */
export interface BradleyTerryFit {
  /** πᵢ, normalised to sum 1: the probability model i beats an "average" field is not this; P(i≻j) = πᵢ/(πᵢ+πⱼ). */
  strength: number[];
  /** log πᵢ centred to mean 0 (the scale of logistic-regression coefficients). */
  logStrength: number[];
  iterations: number;
  converged: boolean;
}

export type BradleyTerryResult = { fit: BradleyTerryFit; reason: null } | { fit: null; reason: string };

/** `wins[i][j]` = times i beat j (ties as 0.5 to each). Whether every model can reach every other through wins. */
export function isStronglyConnected(wins: readonly (readonly number[])[]): boolean {
  const n = wins.length;
  if (n <= 1) return n === 1;
  const reach = (forward: boolean): boolean => {
    const seen = new Uint8Array(n);
    const stack = [0];
    seen[0] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      for (let j = 0; j < n; j++) {
        const edge = forward ? wins[i][j] : wins[j][i];
        if (!seen[j] && edge > 0) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    return seen.every((s) => s === 1);
  };
  return reach(true) && reach(false);
}

/** Fits Bradley–Terry strengths to a square wins matrix by Hunter's MM iteration. */
export function fitBradleyTerry(
  wins: readonly (readonly number[])[],
  options: { maxIterations?: number; tolerance?: number } = {},
): BradleyTerryResult {
  const n = wins.length;
  if (n < 2) return { fit: null, reason: `Bradley–Terry needs at least 2 compared models (found ${n})` };
  if (!isStronglyConnected(wins)) {
    return {
      fit: null,
      reason:
        'Bradley–Terry strengths do not exist: some model never beats (or never loses to) the rest, so its maximum-likelihood strength is 0 or infinite (Hunter 2004, Assumption 1)',
    };
  }
  const maxIterations = options.maxIterations ?? 10_000;
  const tolerance = options.tolerance ?? 1e-12;
  const totalWins = wins.map((row) => row.reduce((s, w) => s + w, 0));
  const comparisons = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) comparisons[i * n + j] = wins[i][j] + wins[j][i];
  let p = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let denominator = 0;
      for (let j = 0; j < n; j++) {
        const c = comparisons[i * n + j];
        if (c > 0) denominator += c / (p[i] + p[j]);
      }
      next[i] = totalWins[i] / denominator;
      sum += next[i];
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i] /= sum;
      change = Math.max(change, Math.abs(Math.log(next[i] / p[i])));
    }
    [p, next] = [next, p];
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  const strength = Array.from(p);
  const logs = strength.map(Math.log);
  const meanLog = logs.reduce((s, x) => s + x, 0) / n;
  return { fit: { strength, logStrength: logs.map((l) => l - meanLog), iterations, converged }, reason: null };
}
