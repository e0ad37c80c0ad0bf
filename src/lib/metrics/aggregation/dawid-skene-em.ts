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

/**
 * The model's parameters θ in one vector: the K class priors, then the confusion matrices
 * [j][k][l] (annotators × K × K), so that SQUAREM can extrapolate them as a whole.
 */
type Theta = Float64Array;

/** M-step: class priors and per-annotator confusion matrices from the posteriors `t` (D&S eqs 2.3–2.4). */
function maximise(data: DawidSkeneData, t: Float64Array): Theta {
  const { items, annotators, classes: K, item, annotator, label, count } = data;
  const theta = new Float64Array(K + annotators * K * K);
  for (let i = 0; i < items; i++) for (let k = 0; k < K; k++) theta[k] += t[i * K + k];
  for (let k = 0; k < K; k++) theta[k] /= items;
  const confusion = theta.subarray(K);
  for (let o = 0; o < item.length; o++) {
    const base = annotator[o] * K * K + label[o];
    const row = item[o] * K;
    const n = count[o];
    for (let k = 0; k < K; k++) confusion[base + k * K] += t[row + k] * n;
  }
  normaliseRows(confusion, annotators * K, K);
  return theta;
}

/**
 * E-step: posteriors `t` ∝ p_k ∏ π_jkl^n_ijl (D&S eq 2.5), in log space; returns the
 * log-likelihood of θ. `log` (items × K) and `logTheta` are scratch space reused across
 * iterations: the logs of the parameters are taken once per step, not once per observation.
 */
function expect(data: DawidSkeneData, theta: Theta, t: Float64Array, log: Float64Array, logTheta: Float64Array): number {
  const { items, classes: K, item, annotator, label, count } = data;
  for (let x = 0; x < theta.length; x++) logTheta[x] = Math.log(theta[x]);
  for (let k = 0; k < K; k++) for (let i = 0; i < items; i++) log[i * K + k] = logTheta[k];
  for (let o = 0; o < item.length; o++) {
    const base = K + annotator[o] * K * K + label[o];
    const row = item[o] * K;
    const n = count[o];
    for (let k = 0; k < K; k++) log[row + k] += n * logTheta[base + k * K];
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
  const log = new Float64Array(t.length);
  const logTheta = new Float64Array(K + data.annotators * K * K);
  let theta = maximise(data, t);
  let logLikelihood = -Infinity;
  let iterations = 0;
  let converged = false;
  /** One EM step from θ: posteriors into `t`, returns F(θ) and L(θ). */
  const step = (from: Theta): [Theta, number] => {
    iterations++;
    const ll = expect(data, from, t, log, logTheta);
    return [maximise(data, t), ll];
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
