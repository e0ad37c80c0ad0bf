import { maxCardinalityMatching } from '../../stats/hungarian';

/** IoU thresholds 0.50:0.05:0.95 of the COCO evaluation (Lin et al. 2014). */
export const IOU_THRESHOLDS = Array.from({ length: 10 }, (_, i) => Math.round((0.5 + 0.05 * i) * 100) / 100);

/** An overlapping pair of boxes from the two sides: indices into each side's boxes and their IoU. */
export type IouEdge = [number, number, number];

/** The outcome of matching one side's boxes against the other's, on one image and class. */
export interface ClassMatch {
  /** Matched pairs at each threshold of IOU_THRESHOLDS (true positives). */
  matchedAt: number[];
  /** IoU of each pair matched at IoU ≥ 0.5. */
  iousAt50: number[];
  /** IoU of each pair matched with any overlap (IoU > 0): the IoU histogram's data. */
  iousAnyOverlap: number[];
}

/**
 * One-to-one matching of `n1` boxes against `n2` boxes of the same class on one image.
 * Method: Hungarian assignment (Kuhn–Munkres) run separately at each IoU threshold t, which
 * maximises first the number of pairs with IoU ≥ t, then their total IoU (so the counts are
 * the largest possible one-to-one, unlike greedy-by-IoU which can miss a pair).
 */
export function matchClassBoxes(n1: number, n2: number, edges: readonly IouEdge[]): ClassMatch {
  if (n1 === 0 || n2 === 0 || edges.length === 0)
    return { matchedAt: IOU_THRESHOLDS.map(() => 0), iousAt50: [], iousAnyOverlap: [] };
  const weights = Array.from({ length: n1 }, () => new Array<number>(n2).fill(0));
  for (const [i, j, iou] of edges) weights[i][j] = iou;
  const maxIou = Math.max(...edges.map((e) => e[2]));
  const matchedAt: number[] = [];
  let iousAt50: number[] = [];
  for (const t of IOU_THRESHOLDS) {
    if (maxIou < t) {
      matchedAt.push(0);
      continue;
    }
    const pairs = maxCardinalityMatching(weights, t);
    matchedAt.push(pairs.length);
    if (t === 0.5) iousAt50 = pairs.map((p) => p[2]);
  }
  const iousAnyOverlap = maxCardinalityMatching(weights, Number.MIN_VALUE).map((p) => p[2]);
  return { matchedAt, iousAt50, iousAnyOverlap };
}

/** Plain-TS reference for tests: the same matching by brute force over all one-to-one assignments (tiny inputs only). */
export function bruteForceMatchCount(n1: number, n2: number, edges: readonly IouEdge[], threshold: number): number {
  const ok = new Set(edges.filter((e) => e[2] >= threshold).map((e) => `${e[0]},${e[1]}`));
  const used = new Array<boolean>(n2).fill(false);
  const best = (i: number): number => {
    if (i === n1) return 0;
    let result = best(i + 1);
    for (let j = 0; j < n2; j++) {
      if (!used[j] && ok.has(`${i},${j}`)) {
        used[j] = true;
        result = Math.max(result, 1 + best(i + 1));
        used[j] = false;
      }
    }
    return result;
  };
  return best(0);
}
