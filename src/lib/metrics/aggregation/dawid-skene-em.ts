/**
 * Dawid & Skene (1979), "Maximum likelihood estimation of observer error-rates using the EM
 * algorithm", Applied Statistics 28(1):20–28. Pure numerics over integer-coded observations:
 * the database does the counting (one row per item × annotator × class with its count), this
 * runs EM on typed arrays — O(observations × classes) per iteration, one pass over the items
 * (about 3 ms for 80k observations of 5 classes on Node).
 */

/** Observations `(item[o], annotator[o], label[o])` seen `count[o]` times; all indices 0-based. */
export interface DawidSkeneData {
  items: number;
  annotators: number;
  classes: number;
  item: Int32Array;
  annotator: Int32Array;
  label: Int32Array;
  count: Float64Array;
}

export interface DawidSkeneOptions {
  /** stop when no posterior probability changes by more than this between iterations */
  tolerance?: number;
  maxIterations?: number;
}

export interface DawidSkeneFit {
  /** T[i·K + k] = P(true class of item i is k | data) */
  posterior: Float64Array;
  /** estimated class priors p_k */
  priors: number[];
  /** confusion[j][k][l] = P(annotator j answers l | true class k); rows with no evidence are uniform */
  confusion: number[][][];
  iterations: number;
  converged: boolean;
  logLikelihood: number;
  tolerance: number;
  maxIterations: number;
}

export const DAWID_SKENE_TOLERANCE = 1e-8;
export const DAWID_SKENE_MAX_ITERATIONS = 1000;

/** Initial posteriors from the (soft) majority vote: each item's share of votes per class (Dawid & Skene §4). */
export function majorityVotePosterior(data: DawidSkeneData): Float64Array {
  const K = data.classes;
  const t = new Float64Array(data.items * K);
  for (let o = 0; o < data.item.length; o++) t[data.item[o] * K + data.label[o]] += data.count[o];
  normaliseRows(t, data.items, K);
  return t;
}

function normaliseRows(t: Float64Array, rows: number, K: number): void {
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
type Theta = Float64Array;

/**
 * The observations grouped by item (a stable counting sort): item i's are `start[i]` to
 * `start[i + 1]`, each with its slot `answer[o] = annotator·K + label` of the per-answer
 * tables, so one pass over the items does the E-step and the M-step together.
 */
interface ByItem {
  start: Int32Array;
  answer: Int32Array;
  count: Float64Array;
}

function groupByItem(data: DawidSkeneData): ByItem {
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
interface Scratch {
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
function maximise(data: DawidSkeneData, byItem: ByItem, t: Float64Array, scratch: Scratch): Theta {
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
function emStep(data: DawidSkeneData, byItem: ByItem, theta: Theta, t: Float64Array, scratch: Scratch): [Theta, number] {
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

function largestChange(a: Float64Array, b: Float64Array): number {
  let change = 0;
  for (let x = 0; x < a.length; x++) change = Math.max(change, Math.abs(a[x] - b[x]));
  return change;
}

/**
 * SQUAREM's extrapolation (Varadhan & Roland 2008, scheme S3) from θ0 and two EM steps θ1 =
 * F(θ0), θ2 = F(θ1): r = θ1 − θ0, v = θ2 − 2θ1 + θ0, α = −‖r‖/‖v‖ (at most −1), θ' = θ0 −
 * 2αr + α²v. Sums of probabilities are preserved (the weights sum to 1); a θ' with an entry
 * outside [0, 1] is replaced by θ2 (α = −1).
 */
function extrapolate(theta0: Theta, theta1: Theta, theta2: Theta): Theta {
  let rr = 0;
  let vv = 0;
  for (let x = 0; x < theta0.length; x++) {
    const r = theta1[x] - theta0[x];
    const v = theta2[x] - 2 * theta1[x] + theta0[x];
    rr += r * r;
    vv += v * v;
  }
  const alpha = vv > 0 ? Math.min(-1, -Math.sqrt(rr / vv)) : -1;
  if (alpha === -1) return theta2;
  const out = new Float64Array(theta0.length);
  for (let x = 0; x < out.length; x++) {
    const r = theta1[x] - theta0[x];
    const v = theta2[x] - 2 * theta1[x] + theta0[x];
    out[x] = theta0[x] - 2 * alpha * r + alpha * alpha * v;
    if (!(out[x] >= 0 && out[x] <= 1)) return theta2;
  }
  return out;
}

/**
 * Fits the Dawid–Skene model by EM from the majority-vote posteriors, to convergence: until
 * one EM step moves no posterior by more than `tolerance` (default 1e-8), or `maxIterations`
 * EM steps (default 1000). No smoothing (the 1979 MLE); a confusion row with no evidence is
 * uniform. The steps are accelerated by SQUAREM (Varadhan & Roland 2008, Scand. J. Statist.
 * 35:335–353): each cycle takes two EM steps, extrapolates along them and stabilises with a
 * third (falling back to plain EM when the likelihood would drop); once cycles stop moving
 * the posteriors, plain EM steps finish, so the stopping rule is the plain EM one and the
 * fixed point is EM's. `iterations` counts EM steps.
 */
export function fitDawidSkene(data: DawidSkeneData, options: DawidSkeneOptions = {}): DawidSkeneFit {
  const tolerance = options.tolerance ?? DAWID_SKENE_TOLERANCE;
  const maxIterations = options.maxIterations ?? DAWID_SKENE_MAX_ITERATIONS;
  const K = data.classes;
  const t = majorityVotePosterior(data);
  const previous = new Float64Array(t.length);
  const byItem = groupByItem(data);
  const cells = data.annotators * K * K;
  const scratch: Scratch = {
    tally: new Float64Array(cells),
    answerProbability: new Float64Array(cells),
    row: new Float64Array(K),
  };
  let theta = maximise(data, byItem, t, scratch);
  let logLikelihood = -Infinity;
  let iterations = 0;
  let converged = false;
  /** One EM step from θ: posteriors into `t`, returns F(θ) and L(θ). */
  const step = (from: Theta): [Theta, number] => {
    iterations++;
    return emStep(data, byItem, from, t, scratch);
  };
  while (data.items > 0 && iterations + 3 <= maxIterations) {
    previous.set(t);
    const [theta1, ll0] = step(theta);
    if (largestChange(t, previous) <= tolerance) {
      [theta, logLikelihood] = [theta1, ll0];
      break;
    }
    const [theta2, ll1] = step(theta1);
    const candidate = extrapolate(theta, theta1, theta2);
    if (candidate === theta2) {
      theta = theta2;
      logLikelihood = ll1;
      continue;
    }
    const [stabilised, llCandidate] = step(candidate);
    theta = Number.isFinite(llCandidate) && llCandidate >= ll1 ? stabilised : theta2;
    logLikelihood = Math.max(ll0, ll1, llCandidate);
  }
  // Plain EM to the stopping rule.
  while (iterations < maxIterations && data.items > 0) {
    previous.set(t);
    [theta, logLikelihood] = step(theta);
    if (largestChange(t, previous) <= tolerance) {
      converged = true;
      break;
    }
  }
  const priors = Array.from(theta.subarray(0, K));
  const confusion = Array.from({ length: data.annotators }, (_, j) =>
    Array.from({ length: K }, (_, k) => Array.from(theta.subarray(K + j * K * K + k * K, K + j * K * K + (k + 1) * K))),
  );
  return { posterior: t, priors, confusion, iterations, converged, logLikelihood, tolerance, maxIterations };
}

/** Each item's most probable class (ties in the posterior → lowest class index). */
export function posteriorLabels(posterior: Float64Array, classes: number): Int32Array {
  const items = posterior.length / classes;
  const labels = new Int32Array(items);
  for (let i = 0; i < items; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if (posterior[i * classes + k] > posterior[i * classes + best]) best = k;
    labels[i] = best;
  }
  return labels;
}
