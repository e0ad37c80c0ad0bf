import type { QuestionRef } from '../accuracy/scored-judgements';
import { fitDawidSkene, posteriorLabels, type DawidSkeneOptions } from './dawid-skene-em';

/** One annotator's Dawid–Skene estimates. */
export interface AnnotatorEstimate {
  annotator_id: string;
  judgements: number;
  /** expected share of this annotator's answers that equal the true class: Σ_i Σ_k T_ik n_ijk / n_j (no gold needed) */
  estimated_accuracy: number;
  /** confusion[k][l] = P(answers classes[l] | true class classes[k]) */
  confusion: number[][];
}

/** Dawid–Skene for one question: the fit, each annotator's estimates and, where gold exists, accuracy. */
export interface DawidSkeneReport {
  classes: string[];
  priors: number[];
  annotators: AnnotatorEstimate[];
  items: number;
  iterations: number;
  converged: boolean;
  tolerance: number;
  max_iterations: number;
  log_likelihood: number | null;
  gold_items: number;
  correct: number;
  /** accuracy of the Dawid–Skene labels (posterior argmax) against gold; null without gold */
  accuracy: number | null;
  reasons: Record<string, string>;
}

/**
 * The answers of one question, as `dawidSkeneByQuestion` reads them: plain data, since it
 * crosses to a worker, with one observation per answer as typed arrays, whose buffers are
 * handed over instead of copied (`transferables`): its item and annotator as the database's
 * numbers (item_no, annotator_no) and its class as a code (position in `classes`). Items and
 * annotators are coded here, in the worker, by their position in `item_nos` and
 * `annotator_nos` (each in the order of its ids): coding them in SQL took two joins over every
 * answer.
 */
export type PackedQuestion = QuestionRef & {
  i: Int32Array;
  j: Int32Array;
  l: Int32Array;
  classes: string[];
  item_nos: Int32Array;
  annotator_nos: Int32Array;
  annotators: string[];
  gold_item_nos: number[] | null;
  gold_code: string[] | null;
};

/** The report of a question without answers to aggregate. */
export function noAnswers(classes: string[]): DawidSkeneReport {
  return {
    classes,
    priors: [],
    annotators: [],
    items: 0,
    iterations: 0,
    converged: false,
    tolerance: 0,
    max_iterations: 0,
    log_likelihood: null,
    gold_items: 0,
    correct: 0,
    accuracy: null,
    reasons: { dawid_skene: 'no answers to aggregate' },
  };
}

/** Position of each number in `numbers` (-1 for a number not in it), indexed by the number. */
function positions(numbers: Int32Array): Int32Array {
  let top = -1;
  for (const n of numbers) top = Math.max(top, n);
  const at = new Int32Array(top + 1).fill(-1);
  numbers.forEach((n, p) => (at[n] = p));
  return at;
}

export function fitQuestion(packed: PackedQuestion, options: DawidSkeneOptions): DawidSkeneReport {
  const { classes, annotators: annotatorIds } = packed;
  const items = packed.item_nos.length;
  if (items === 0) return noAnswers(classes);
  const itemCode = positions(packed.item_nos);
  const annotatorCode = positions(packed.annotator_nos);
  // coded in place (the buffers were handed over to this thread); plain loops, as in canonicalOrder
  const { i, j, l } = packed;
  for (let o = 0; o < i.length; o++) {
    i[o] = itemCode[i[o]];
    j[o] = annotatorCode[j[o]];
  }
  const rows = { i, j, l };
  const gold = (packed.gold_item_nos ?? [])
    .map((n, g) => ({ i: n < itemCode.length ? itemCode[n] : -1, gold_code: packed.gold_code![g] }))
    .filter((g) => g.i >= 0);
  const K = classes.length;
  const data = { items, annotators: annotatorIds.length, classes: K, ...canonicalOrder(rows, items) };
  const fit = fitDawidSkene(data, options);
  const labels = posteriorLabels(fit.posterior, K);

  const judgements = new Float64Array(annotatorIds.length);
  const agreeing = new Float64Array(annotatorIds.length);
  for (let o = 0; o < data.item.length; o++) {
    judgements[data.annotator[o]] += data.count[o];
    agreeing[data.annotator[o]] += data.count[o] * fit.posterior[data.item[o] * K + data.label[o]];
  }
  const classIndex = new Map(classes.map((c, k) => [c, k]));
  let correct = 0;
  for (const g of gold) if (labels[g.i] === classIndex.get(g.gold_code)) correct++;
  const reasons: Record<string, string> = {};
  if (gold.length === 0) reasons.accuracy = 'no item of this question has gold';
  if (!fit.converged)
    reasons.converged = `EM stopped at the iteration cap (${fit.maxIterations}) before posteriors moved less than ${fit.tolerance}`;
  return {
    classes,
    priors: fit.priors,
    annotators: annotatorIds.map((annotator_id, j) => ({
      annotator_id,
      judgements: judgements[j],
      estimated_accuracy: agreeing[j] / judgements[j],
      confusion: fit.confusion[j],
    })),
    items,
    iterations: fit.iterations,
    converged: fit.converged,
    tolerance: fit.tolerance,
    max_iterations: fit.maxIterations,
    log_likelihood: fit.logLikelihood,
    gold_items: gold.length,
    correct,
    accuracy: gold.length ? correct / gold.length : null,
    reasons,
  };
}

/**
 * The answers sorted by (item, annotator, class), equal ones counted once with their number:
 * the observations n_ijl of Dawid & Skene (1979). EM then reads and writes each item's
 * posterior row once per pass in memory order (2–3× faster per iteration at 80k items than
 * in the database's arbitrary order, which also varies between runs on several threads), and
 * the fit does not depend on the order the rows arrive in. A counting sort by item, then an
 * insertion sort within each item's few rows; counting here, on sorted rows, replaced a
 * GROUP BY over every answer in SQL (4 s of the statement at 10M judgements).
 */
export function canonicalOrder(rows: { i: ArrayLike<number>; j: ArrayLike<number>; l: ArrayLike<number> }, items: number) {
  const m = rows.i.length;
  const start = new Int32Array(items + 1);
  for (let o = 0; o < m; o++) start[rows.i[o] + 1]++;
  for (let i = 0; i < items; i++) start[i + 1] += start[i];
  const next = start.slice(0, items);
  const order = new Int32Array(m);
  for (let o = 0; o < m; o++) order[next[rows.i[o]]++] = o;
  const before = (a: number, b: number) => rows.j[a] < rows.j[b] || (rows.j[a] === rows.j[b] && rows.l[a] < rows.l[b]);
  for (let i = 0; i < items; i++) {
    for (let x = start[i] + 1; x < start[i + 1]; x++) {
      const o = order[x];
      let y = x - 1;
      for (; y >= start[i] && before(o, order[y]); y--) order[y + 1] = order[y];
      order[y + 1] = o;
    }
  }
  // plain loops: TypedArray.from with a map function made this ten times slower (1M observations: 1.3 s)
  const out = { item: new Int32Array(m), annotator: new Int32Array(m), label: new Int32Array(m), count: new Float64Array(m) };
  let size = 0;
  for (let x = 0; x < m; x++) {
    const o = order[x];
    const last = size - 1;
    if (size > 0 && out.item[last] === rows.i[o] && out.annotator[last] === rows.j[o] && out.label[last] === rows.l[o]) {
      out.count[last]++;
      continue;
    }
    out.item[size] = rows.i[o];
    out.annotator[size] = rows.j[o];
    out.label[size] = rows.l[o];
    out.count[size++] = 1;
  }
  return {
    item: out.item.subarray(0, size),
    annotator: out.annotator.subarray(0, size),
    label: out.label.subarray(0, size),
    count: out.count.subarray(0, size),
  };
}
