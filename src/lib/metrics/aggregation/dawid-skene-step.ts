/**
 * One EM step of Dawid & Skene (1979) over integer-coded observations, for `fitDawidSkene`
 * (dawid-skene-em.ts): the observations grouped by item, and the E-step and M-step in one pass
 * over the items (eqs 2.3–2.5).
 */
import type { DawidSkeneData } from './dawid-skene-em';

/** Scales every row of `t` (rows × K) to sum 1; a row summing to 0 becomes uniform. */
export function normaliseRows(t: Float64Array, rows: number, K: number): void {
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let k = 0; k < K; k++) sum += t[i * K + k];
    for (let k = 0; k < K; k++) t[i * K + k] = sum > 0 ? t[i * K + k] / sum : 1 / K;
  }
}

/**
 * The model's parameters θ in one vector: the K class priors, then the confusion matrices
 * [j][k][l] (annotators × K × K), so that SQUAREM can extrapolate them as a whole.
 */
export type Theta = Float64Array;

/**
 * The observations grouped by item (a stable counting sort): item i's are `start[i]` to
 * `start[i + 1]`, each with its slot `answer[o] = annotator·K + label` of the per-answer
 * tables, so one pass over the items does the E-step and the M-step together.
 */
export interface ByItem {
  start: Int32Array;
  answer: Int32Array;
  count: Float64Array;
}

export function groupByItem(data: DawidSkeneData): ByItem {
  const { items, classes: K, item } = data;
  const m = item.length;
  const start = new Int32Array(items + 1);
  for (let o = 0; o < m; o++) start[item[o] + 1]++;
  for (let i = 0; i < items; i++) start[i + 1] += start[i];
  const next = start.slice(0, items);
  const answer = new Int32Array(m);
  const count = new Float64Array(m);
  for (let o = 0; o < m; o++) {
    const x = next[item[o]]++;
    answer[x] = data.annotator[o] * K + data.label[o];
    count[x] = data.count[o];
  }
  return { start, answer, count };
}

/**
 * Working space of the EM steps, allocated once: `tally[(j·K + l)·K + k]` = Σ_i T_ik n_ijl
 * (the M-step's sums, laid out per answer so an observation adds K adjacent cells),
 * `answerProbability` in the same layout = π_jkl, and one item's unnormalised posterior row.
 */
export interface Scratch {
  tally: Float64Array;
  answerProbability: Float64Array;
  row: Float64Array;
}

/** Adds item i's posterior row `t[i·K…]` to the M-step's sums (D&S eqs 2.3–2.4, numerators). */
function tallyItem(byItem: ByItem, i: number, t: Float64Array, K: number, priors: Float64Array, tally: Float64Array): void {
  const row = i * K;
  for (let k = 0; k < K; k++) priors[k] += t[row + k];
  for (let o = byItem.start[i]; o < byItem.start[i + 1]; o++) {
    const cell = byItem.answer[o] * K;
    const n = byItem.count[o];
    for (let k = 0; k < K; k++) tally[cell + k] += t[row + k] * n;
  }
}

/** θ from the M-step's sums: priors / items, and each confusion row [j][k][·] normalised (a row without evidence is uniform). */
function thetaFromTallies(data: DawidSkeneData, priors: Float64Array, tally: Float64Array): Theta {
  const { items, annotators, classes: K } = data;
  const theta = new Float64Array(K + annotators * K * K);
  for (let k = 0; k < K; k++) theta[k] = priors[k] / items;
  for (let j = 0; j < annotators; j++)
    for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) theta[K + (j * K + k) * K + l] = tally[(j * K + l) * K + k];
  normaliseRows(theta.subarray(K), annotators * K, K);
  return theta;
}

/** M-step: class priors and per-annotator confusion matrices from the posteriors `t` (D&S eqs 2.3–2.4). */
export function maximise(data: DawidSkeneData, byItem: ByItem, t: Float64Array, scratch: Scratch): Theta {
  const K = data.classes;
  const priors = new Float64Array(K);
  scratch.tally.fill(0);
  for (let i = 0; i < data.items; i++) tallyItem(byItem, i, t, K, priors, scratch.tally);
  return thetaFromTallies(data, priors, scratch.tally);
}

/** A running product below 2^-512 is scaled up by 2^512: exactly (a power of two), far from overflow. */
const SMALL = 2 ** -512;
const SCALE_UP = 2 ** 512;
const LOG_SCALE = 512 * Math.LN2;
/** The smallest normal double: a product below it has lost precision. */
const TINY = 2 ** -1022;

/**
 * Item i's unnormalised posterior row p_k ∏ π_jkl^n_ijl (D&S eq 2.5) into `row`, returning
 * the log of the factor it was divided by, or NaN when the product got too small to be
 * exact (an answer of tiny probability in every likely class): the caller then takes logs.
 * Products are kept above 2^-512 by exact rescaling, so long items do not underflow.
 */
function itemProducts(
  theta: Theta,
  byItem: ByItem,
  i: number,
  answerProbability: Float64Array,
  K: number,
  row: Float64Array,
): number {
  const { start, answer, count } = byItem;
  for (let k = 0; k < K; k++) row[k] = theta[k];
  let scaled = 0;
  for (let o = start[i]; o < start[i + 1]; o++) {
    const cell = answer[o] * K;
    const n = count[o];
    let top = 0;
    for (let k = 0; k < K; k++) {
      const p = n === 1 ? answerProbability[cell + k] : answerProbability[cell + k] ** n;
      if ((row[k] *= p) > top) top = row[k];
    }
    if (top < SMALL) {
      if (top < TINY) return NaN;
      for (let k = 0; k < K; k++) row[k] *= SCALE_UP;
      scaled++;
    }
  }
  return -scaled * LOG_SCALE;
}

/** `itemProducts` in log space: `row` = exp(log-posterior − its largest), returning that largest (−∞ when every class is impossible). */
function itemLogProducts(
  theta: Theta,
  byItem: ByItem,
  i: number,
  answerProbability: Float64Array,
  K: number,
  row: Float64Array,
): number {
  for (let k = 0; k < K; k++) row[k] = Math.log(theta[k]);
  for (let o = byItem.start[i]; o < byItem.start[i + 1]; o++) {
    const cell = byItem.answer[o] * K;
    for (let k = 0; k < K; k++) row[k] += byItem.count[o] * Math.log(answerProbability[cell + k]);
  }
  const top = Math.max(...row);
  if (top === -Infinity) return top;
  for (let k = 0; k < K; k++) row[k] = Math.exp(row[k] - top);
  return top;
}

/**
 * One EM step from θ: the E-step's posteriors `t` (D&S eq 2.5) item by item, each item's row
 * added to the M-step's sums as soon as it is known. Returns F(θ) and the log-likelihood of
 * θ. An item every class of which is impossible under θ keeps its previous posterior.
 */
export function emStep(data: DawidSkeneData, byItem: ByItem, theta: Theta, t: Float64Array, scratch: Scratch): [Theta, number] {
  const { items, annotators, classes: K } = data;
  const { tally, answerProbability, row } = scratch;
  for (let j = 0; j < annotators; j++)
    for (let k = 0; k < K; k++)
      for (let l = 0; l < K; l++) answerProbability[(j * K + l) * K + k] = theta[K + (j * K + k) * K + l];
  const priors = new Float64Array(K);
  tally.fill(0);
  let logLikelihood = 0;
  for (let i = 0; i < items; i++) {
    let logFactor = itemProducts(theta, byItem, i, answerProbability, K, row);
    if (Number.isNaN(logFactor)) logFactor = itemLogProducts(theta, byItem, i, answerProbability, K, row);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += row[k];
    if (sum > 0 && logFactor !== -Infinity) {
      for (let k = 0; k < K; k++) t[i * K + k] = row[k] / sum;
      logLikelihood += logFactor + Math.log(sum);
    }
    tallyItem(byItem, i, t, K, priors, tally);
  }
  return [thetaFromTallies(data, priors, tally), logLikelihood];
}
