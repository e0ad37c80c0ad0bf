import { IOU_THRESHOLDS, type ClassMatch } from './box-matching';

/** Running sums for precision/recall/F1 of one side against the other (or of an annotator pair). */
export class BoxTally {
  /** Boxes on the evaluated side (predictions) and on the reference side (gold or the other annotator). */
  evaluated = 0;
  reference = 0;
  matchedAt = IOU_THRESHOLDS.map(() => 0);
  iouSum50 = 0;
  iouCount50 = 0;

  add(evaluated: number, reference: number, match: ClassMatch): void {
    this.evaluated += evaluated;
    this.reference += reference;
    match.matchedAt.forEach((m, i) => (this.matchedAt[i] += m));
    for (const iou of match.iousAt50) this.iouSum50 += iou;
    this.iouCount50 += match.iousAt50.length;
  }

  merge(other: BoxTally): void {
    this.evaluated += other.evaluated;
    this.reference += other.reference;
    other.matchedAt.forEach((m, i) => (this.matchedAt[i] += m));
    this.iouSum50 += other.iouSum50;
    this.iouCount50 += other.iouCount50;
  }

  /** Precision = TP / evaluated boxes at threshold index `t` (null when no evaluated box). */
  precision(t = 0): number | null {
    return this.evaluated ? this.matchedAt[t] / this.evaluated : null;
  }

  /** Recall = TP / reference boxes (null when no reference box). */
  recall(t = 0): number | null {
    return this.reference ? this.matchedAt[t] / this.reference : null;
  }

  /** F1 = 2·TP / (evaluated + reference), the harmonic mean of precision and recall (null when no box at all). */
  f1(t = 0): number | null {
    const total = this.evaluated + this.reference;
    return total ? (2 * this.matchedAt[t]) / total : null;
  }

  /** The mean over IoU thresholds 0.50:0.05:0.95 of a per-threshold score (COCO-style averaging). */
  averaged(score: (t: number) => number | null): number | null {
    const values = IOU_THRESHOLDS.map((_, t) => score(t));
    if (values.some((v) => v === null)) return null;
    return (values as number[]).reduce((s, v) => s + v, 0) / values.length;
  }

  meanIou(): number | null {
    return this.iouCount50 ? this.iouSum50 / this.iouCount50 : null;
  }
}

/** Bins of width `width` on [0, 1] and the count of values in each (the last bin includes 1). */
export function histogram(values: readonly number[], width = 0.05): { bins: [number, number][]; counts: number[] } {
  const n = Math.round(1 / width);
  const bins = Array.from(
    { length: n },
    (_, i) => [Math.round(i * width * 1000) / 1000, Math.round((i + 1) * width * 1000) / 1000] as [number, number],
  );
  const counts = new Array<number>(n).fill(0);
  for (const v of values) counts[Math.min(n - 1, Math.max(0, Math.floor(v / width + 1e-9)))]++;
  return { bins, counts };
}
