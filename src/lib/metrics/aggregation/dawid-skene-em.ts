/**
 * Dawid & Skene (1979), "Maximum likelihood estimation of observer error-rates using the EM
 * algorithm", Applied Statistics 28(1):20–28. Pure numerics over integer-coded observations:
 * the database does the counting (one row per item × annotator × class with its count), this
 * runs EM on typed arrays — O(observations × classes) per iteration, milliseconds for 1M rows.
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

/** M-step: class priors and per-annotator confusion matrices from the current posteriors (D&S eqs 2.3–2.4). */
function maximise(data: DawidSkeneData, t: Float64Array): { priors: Float64Array; confusion: Float64Array } {
  const { items, annotators, classes: K } = data;
  const priors = new Float64Array(K);
  for (let i = 0; i < items; i++) for (let k = 0; k < K; k++) priors[k] += t[i * K + k];
  for (let k = 0; k < K; k++) priors[k] /= items;
  const confusion = new Float64Array(annotators * K * K); // [j][k][l]
  for (let o = 0; o < data.item.length; o++) {
    const base = data.annotator[o] * K * K + data.label[o];
    for (let k = 0; k < K; k++) confusion[base + k * K] += t[data.item[o] * K + k] * data.count[o];
  }
  normaliseRows(confusion, annotators * K, K);
  return { priors, confusion };
}

/**
 * E-step: posteriors ∝ p_k ∏ π_jkl^n_ijl (D&S eq 2.5), in log space; returns the log-likelihood.
 * `log` (items × K) and `logConfusion` (annotators × K × K) are scratch space reused across
 * iterations: the logs of the confusion entries are taken once per iteration, not once per
 * observation.
 */
function expect(
  data: DawidSkeneData,
  fit: { priors: Float64Array; confusion: Float64Array },
  t: Float64Array,
  log: Float64Array,
  logConfusion: Float64Array,
): number {
  const { items, classes: K, item, annotator, label, count } = data;
  for (let x = 0; x < logConfusion.length; x++) logConfusion[x] = Math.log(fit.confusion[x]);
  for (let k = 0; k < K; k++) {
    const logPrior = Math.log(fit.priors[k]);
    for (let i = 0; i < items; i++) log[i * K + k] = logPrior;
  }
  for (let o = 0; o < item.length; o++) {
    const base = annotator[o] * K * K + label[o];
    const row = item[o] * K;
    const n = count[o];
    for (let k = 0; k < K; k++) log[row + k] += n * logConfusion[base + k * K];
  }
  let logLikelihood = 0;
  for (let i = 0; i < items; i++) {
    const row = i * K;
    let top = -Infinity;
    for (let k = 0; k < K; k++) if (log[row + k] > top) top = log[row + k];
    if (top === -Infinity) continue; // every class impossible under the current fit: keep the previous posterior
    let sum = 0;
    for (let k = 0; k < K; k++) sum += log[row + k] = Math.exp(log[row + k] - top);
    for (let k = 0; k < K; k++) t[row + k] = log[row + k] / sum;
    logLikelihood += top + Math.log(sum);
  }
  return logLikelihood;
}

/**
 * Fits the Dawid–Skene model by EM, starting from the majority-vote posteriors and
 * alternating M- and E-steps until no posterior moves by more than `tolerance`
 * (default 1e-8) or `maxIterations` (default 1000) is reached. No smoothing (the 1979 MLE);
 * a confusion row with no evidence is uniform.
 */
export function fitDawidSkene(data: DawidSkeneData, options: DawidSkeneOptions = {}): DawidSkeneFit {
  const tolerance = options.tolerance ?? DAWID_SKENE_TOLERANCE;
  const maxIterations = options.maxIterations ?? DAWID_SKENE_MAX_ITERATIONS;
  const K = data.classes;
  const t = majorityVotePosterior(data);
  const previous = new Float64Array(t.length);
  const log = new Float64Array(t.length);
  const logConfusion = new Float64Array(data.annotators * K * K);
  let fit = maximise(data, t);
  let logLikelihood = -Infinity;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && data.items > 0) {
    previous.set(t);
    logLikelihood = expect(data, fit, t, log, logConfusion);
    fit = maximise(data, t);
    iterations++;
    let change = 0;
    for (let x = 0; x < t.length; x++) change = Math.max(change, Math.abs(t[x] - previous[x]));
    if (change <= tolerance) {
      converged = true;
      break;
    }
  }
  const confusion = Array.from({ length: data.annotators }, (_, j) =>
    Array.from({ length: K }, (_, k) => Array.from(fit.confusion.subarray(j * K * K + k * K, j * K * K + (k + 1) * K))),
  );
  return {
    posterior: t,
    priors: Array.from(fit.priors),
    confusion,
    iterations,
    converged,
    logLikelihood,
    tolerance,
    maxIterations,
  };
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
