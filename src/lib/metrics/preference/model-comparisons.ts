import type { Connector } from '../../db/connector';
import { questionKey } from '../../report/report-types';
import { sql } from '../../sql/sql';
import { fitBradleyTerry } from '../../stats/bradley-terry';
import { randomIndex, seededRandom } from '../../stats/seeded-random';
import type { Filters } from '../filters';
import { intransitiveTriads, type Intransitivity } from './intransitivity';
import { preferenceChoices } from './preference-choices';

/** One item's tally for one pair of models (model_1 < model_2). */
export type PairTally = {
  item_id: string;
  model_1: string;
  model_2: string;
  wins_1: number;
  wins_2: number;
  ties: number;
};

/**
 * One question's pair tallies as columns: row r is item `item[r]` (items numbered 0, 1, … in
 * id order), where `models[first[r]]` won `wins_1[r]` times against `models[second[r]]`,
 * lost `wins_2[r]` times and tied `ties[r]` times. Typed arrays, so that they cross to the fit
 * worker without a copy (as objects, 3M tallies at 10M judgements took 2.5 s to send).
 */
export interface PairTallies {
  models: string[];
  item: Int32Array;
  first: Int32Array;
  second: Int32Array;
  wins_1: Int32Array;
  wins_2: Int32Array;
  ties: Int32Array;
}

/** Tallies given as rows, in columns (items numbered in id order, models in the order first seen). */
export function tallyColumns(rows: readonly PairTally[]): PairTallies {
  const models = [...new Set(rows.flatMap((t) => [t.model_1, t.model_2]))];
  const modelNo = new Map(models.map((m, i) => [m, i]));
  const itemNo = new Map([...new Set(rows.map((t) => t.item_id))].sort().map((id, i) => [id, i]));
  const column = (value: (t: PairTally) => number) => Int32Array.from(rows, value);
  return {
    models,
    item: column((t) => itemNo.get(t.item_id)!),
    first: column((t) => modelNo.get(t.model_1)!),
    second: column((t) => modelNo.get(t.model_2)!),
    wins_1: column((t) => t.wins_1),
    wins_2: column((t) => t.wins_2),
    ties: column((t) => t.ties),
  };
}

export interface ModelStrengths {
  models: string[];
  /** Bradley–Terry πᵢ normalised to Σ = 1 (ties as half wins). */
  strength: (number | null)[];
  /** log πᵢ centred to mean 0. */
  log_strength: (number | null)[];
  /** Percentile-bootstrap intervals of `strength`, resampling items. */
  strength_ci: ([number, number] | null)[];
  log_strength_ci: ([number, number] | null)[];
  /** Non-tie wins and comparisons per model (for the chart's text summary). */
  wins: number[];
  comparisons: number[];
  resamples: number;
  /** Resamples in which the strengths did not exist (comparison graph not strongly connected): left out. */
  resamples_without_fit: number;
  seed: number;
  reasons: Record<string, string>;
}

export interface ModelComparisons {
  strengths: ModelStrengths;
  intransitivity: Intransitivity;
}

/**
 * Per item and model pair, the wins of each side and the ties (judgements naming two different
 * options), counted on the integer keys, as one row of columns per question (`PairTallies`):
 * items numbered in id order (the bootstrap resamples them in it), models by name. The rows
 * come in no particular order: the fit's sums are of halves, exact in any order.
 */
export async function pairTalliesByQuestion(db: Connector, filters: Filters = {}): Promise<Map<string, PairTallies>> {
  type Lists = { batch_id: string; strategy: string; question: string; models: string[] } & {
    [column in 'item' | 'first' | 'second' | 'wins_1' | 'wins_2' | 'ties']: number[];
  };
  const rows = await db.query<Lists>(sql`
    WITH t AS MATERIALIZED (
      SELECT question_no, item_no, least(option_a, option_b) AS model_1, greatest(option_a, option_b) AS model_2,
        count(*) FILTER (WHERE choice = least(option_a, option_b))::INTEGER AS wins_1,
        count(*) FILTER (WHERE choice = greatest(option_a, option_b))::INTEGER AS wins_2,
        count(*) FILTER (WHERE side = 'tie')::INTEGER AS ties
      FROM ${preferenceChoices(filters)} c
      WHERE option_a IS NOT NULL AND option_b IS NOT NULL AND option_a <> option_b
      GROUP BY ALL),
    items AS (SELECT question_no, item_no, (dense_rank() OVER (PARTITION BY question_no ORDER BY item_id) - 1)::INTEGER AS item
      FROM (SELECT DISTINCT question_no, item_no FROM t) JOIN item_keys USING (item_no)),
    models AS MATERIALIZED (SELECT question_no, model, (row_number() OVER (PARTITION BY question_no ORDER BY model) - 1)::INTEGER AS model_no
      FROM (SELECT question_no, model_1 AS model FROM t UNION SELECT question_no, model_2 FROM t))
    SELECT k.batch_id, k.strategy, k.question, m.models, c.* EXCLUDE (question_no) FROM (
      SELECT t.question_no, list(e.item) AS item, list(a.model_no) AS first, list(b.model_no) AS second,
        list(t.wins_1) AS wins_1, list(t.wins_2) AS wins_2, list(t.ties) AS ties
      FROM t JOIN items e USING (question_no, item_no)
        JOIN models a ON a.question_no = t.question_no AND a.model = t.model_1
        JOIN models b ON b.question_no = t.question_no AND b.model = t.model_2
      GROUP BY t.question_no) c
    JOIN (SELECT question_no, list(model ORDER BY model_no) AS models FROM models GROUP BY question_no) m USING (question_no)
    JOIN question_keys k USING (question_no)
    ORDER BY k.batch_id, k.strategy, k.question`);
  return new Map(
    rows.map((row) => [
      questionKey(row),
      {
        models: row.models,
        item: Int32Array.from(row.item),
        first: Int32Array.from(row.first),
        second: Int32Array.from(row.second),
        wins_1: Int32Array.from(row.wins_1),
        wins_2: Int32Array.from(row.wins_2),
        ties: Int32Array.from(row.ties),
      },
    ]),
  );
}

function percentile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
}

/** The n × n matrix of a flat row-major array. */
function square(flat: Float64Array, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * n, (i + 1) * n)));
}

/**
 * The wins matrix of a bootstrap resample (ties as half a win each), from how many times each
 * item was drawn: row r counts `draws[item[r]]` times. The rows are grouped by their pair of
 * models once, so a resample sums each pair's rows in two running totals instead of adding
 * every row into the matrix (a question of the 1M bench file, 16.7k tallies and 1,000 resamples:
 * the whole comparison 0.34–0.44 → 0.22–0.29 s).
 * Every term is a whole number times a multiple of ½, so the sums are exact in any order: the
 * same matrix as adding the rows one by one.
 */
function bootstrapMatrix(
  tallies: PairTallies,
  first: Int32Array,
  second: Int32Array,
  n: number,
): (draws: Float64Array) => number[][] {
  const rows = tallies.item.length;
  const cell = (r: number) => first[r] * n + second[r];
  const order = Array.from({ length: rows }, (_, r) => r).sort((a, b) => cell(a) - cell(b) || a - b);
  const item = new Int32Array(rows);
  const won = new Float64Array(rows);
  const lost = new Float64Array(rows);
  const starts: number[] = [];
  for (const [x, r] of order.entries()) {
    if (x === 0 || cell(r) !== cell(order[x - 1])) starts.push(x);
    item[x] = tallies.item[r];
    won[x] = tallies.wins_1[r] + tallies.ties[r] / 2;
    lost[x] = tallies.wins_2[r] + tallies.ties[r] / 2;
  }
  starts.push(rows);
  return (draws) => {
    const flat = new Float64Array(n * n);
    for (let c = 0; c + 1 < starts.length; c++) {
      let forward = 0;
      let backward = 0;
      for (let x = starts[c]; x < starts[c + 1]; x++) {
        const weight = draws[item[x]];
        forward += weight * won[x];
        backward += weight * lost[x];
      }
      const r = order[starts[c]];
      flat[first[r] * n + second[r]] += forward;
      flat[second[r] * n + first[r]] += backward;
    }
    return square(flat, n);
  };
}

/**
 * Bradley–Terry strengths of the compared models (Hunter 2004 MM; ties as half a win each)
 * with percentile-bootstrap intervals over items (`resamples`, fixed `seed`), and the cyclic
 * triads of the majority preferences (ties left out). Models come from option_a / option_b.
 */
export function compareModels(
  tallies: PairTallies,
  options: { resamples?: number; seed?: number; confidence?: number } = {},
): ModelComparisons {
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 1;
  const confidence = options.confidence ?? 0.95;
  const models = [...tallies.models].sort();
  const n = models.length;
  const index = tallies.models.map((m) => models.indexOf(m));
  const rows = tallies.item.length;
  const first = new Int32Array(rows);
  const second = new Int32Array(rows);
  let items = 0;
  for (let r = 0; r < rows; r++) {
    first[r] = index[tallies.first[r]];
    second[r] = index[tallies.second[r]];
    items = Math.max(items, tallies.item[r] + 1);
  }
  const { wins_1, wins_2, ties } = tallies;
  const matrix = (withTies: boolean) => {
    const flat = new Float64Array(n * n);
    for (let r = 0; r < rows; r++) {
      const half = withTies ? ties[r] / 2 : 0;
      flat[first[r] * n + second[r]] += wins_1[r] + half;
      flat[second[r] * n + first[r]] += wins_2[r] + half;
    }
    return square(flat, n);
  };
  const strictWins = matrix(false);
  const fit = fitBradleyTerry(matrix(true));
  const reasons: Record<string, string> = {};
  if (!fit.fit) reasons.strength = fit.reason;

  // Bootstrap over items: resample items, weight each tally row by its item's draw count.
  const samples: number[][] = Array.from({ length: n }, () => []);
  let withoutFit = 0;
  if (fit.fit && resamples > 0) {
    const resampledWins = bootstrapMatrix(tallies, first, second, n);
    const random = seededRandom(seed);
    const draws = new Float64Array(items);
    for (let b = 0; b < resamples; b++) {
      draws.fill(0);
      for (let d = 0; d < items; d++) draws[randomIndex(random, items)]++;
      const boot = fitBradleyTerry(resampledWins(draws), { tolerance: 1e-9 });
      if (!boot.fit) withoutFit++;
      else boot.fit.strength.forEach((s, i) => samples[i].push(s));
    }
  }
  const tail = (1 - confidence) / 2;
  const geometricMean = (values: number[]) => Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
  const strengthCi = samples.map((s) => {
    if (s.length < 2) return null;
    const sorted = [...s].sort((a, b) => a - b);
    return [percentile(sorted, tail), percentile(sorted, 1 - tail)] as [number, number];
  });
  if (fit.fit && resamples > 0 && samples[0].length < 2) reasons.strength_ci = 'no bootstrap resample had strengths that exist';
  // Interval of the centred log strength: computed per resample from the same draws.
  const logSamples = samples.length && samples[0].length ? samples[0].map((_, b) => samples.map((s) => s[b])) : [];
  const logCi = models.map((_, i) => {
    if (logSamples.length < 2) return null;
    const values = logSamples.map((draw) => Math.log(draw[i] / geometricMean(draw))).sort((a, b) => a - b);
    return [percentile(values, tail), percentile(values, 1 - tail)] as [number, number];
  });
  const wins = models.map((_, i) => strictWins[i].reduce((s, w) => s + w, 0));
  const comparisons = models.map((_, i) => strictWins[i].reduce((s, w, j) => s + w + strictWins[j][i], 0));
  return {
    strengths: {
      models,
      strength: fit.fit ? fit.fit.strength : models.map(() => null),
      log_strength: fit.fit ? fit.fit.logStrength : models.map(() => null),
      strength_ci: strengthCi,
      log_strength_ci: logCi,
      wins,
      comparisons,
      resamples,
      resamples_without_fit: withoutFit,
      seed,
      reasons,
    },
    intransitivity: intransitiveTriads(models, strictWins),
  };
}
