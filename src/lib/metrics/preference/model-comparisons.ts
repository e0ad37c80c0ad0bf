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
 * options), counted on the integer keys and listed in id order (the bootstrap resamples items in it).
 */
export async function pairTalliesByQuestion(db: Connector, filters: Filters = {}): Promise<Map<string, PairTally[]>> {
  const rows = await db.query<PairTally & { batch_id: string; strategy: string; question: string }>(sql`
    SELECT k.batch_id, k.strategy, k.question, i.item_id, t.* EXCLUDE (question_no, item_no) FROM (
      SELECT question_no, item_no, least(option_a, option_b) AS model_1, greatest(option_a, option_b) AS model_2,
        count(*) FILTER (WHERE choice = least(option_a, option_b))::INTEGER AS wins_1,
        count(*) FILTER (WHERE choice = greatest(option_a, option_b))::INTEGER AS wins_2,
        count(*) FILTER (WHERE side = 'tie')::INTEGER AS ties
      FROM ${preferenceChoices(filters)} c
      WHERE option_a IS NOT NULL AND option_b IS NOT NULL AND option_a <> option_b
      GROUP BY ALL) t JOIN question_keys k USING (question_no) JOIN item_keys i USING (item_no)
    ORDER BY k.batch_id, k.strategy, k.question, i.item_id, model_1, model_2`);
  const out = new Map<string, PairTally[]>();
  for (const row of rows) {
    const key = questionKey(row);
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push(row);
  }
  return out;
}

function percentile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
}

/**
 * Bradley–Terry strengths of the compared models (Hunter 2004 MM; ties as half a win each)
 * with percentile-bootstrap intervals over items (`resamples`, fixed `seed`), and the cyclic
 * triads of the majority preferences (ties left out). Models come from option_a / option_b.
 */
export function compareModels(
  tallies: readonly PairTally[],
  options: { resamples?: number; seed?: number; confidence?: number } = {},
): ModelComparisons {
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 1;
  const confidence = options.confidence ?? 0.95;
  const models = [...new Set(tallies.flatMap((t) => [t.model_1, t.model_2]))].sort();
  const index = new Map(models.map((m, i) => [m, i]));
  const n = models.length;
  // Tally rows as typed columns: the bootstrap rebuilds the win matrix once per resample.
  const first = Int32Array.from(tallies, (t) => index.get(t.model_1)!);
  const second = Int32Array.from(tallies, (t) => index.get(t.model_2)!);
  const matrix = (weights: Float64Array | null, withTies: boolean) => {
    const flat = new Float64Array(n * n);
    for (let r = 0; r < tallies.length; r++) {
      const weight = weights ? weights[r] : 1;
      if (weight === 0) continue;
      const { wins_1, wins_2, ties } = tallies[r];
      const half = withTies ? ties / 2 : 0;
      flat[first[r] * n + second[r]] += weight * (wins_1 + half);
      flat[second[r] * n + first[r]] += weight * (wins_2 + half);
    }
    return Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * n, (i + 1) * n)));
  };
  const strictWins = matrix(null, false);
  const fit = fitBradleyTerry(matrix(null, true));
  const reasons: Record<string, string> = {};
  if (!fit.fit) reasons.strength = fit.reason;

  // Bootstrap over items: resample item ids, weight each tally row by its item's draw count.
  const items = [...new Set(tallies.map((t) => t.item_id))];
  const itemIndex = new Map(items.map((id, i) => [id, i]));
  const rowItem = Int32Array.from(tallies, (t) => itemIndex.get(t.item_id)!);
  const samples: number[][] = Array.from({ length: n }, () => []);
  let withoutFit = 0;
  if (fit.fit && resamples > 0) {
    const random = seededRandom(seed);
    const draws = new Float64Array(items.length);
    const weights = new Float64Array(tallies.length);
    for (let b = 0; b < resamples; b++) {
      draws.fill(0);
      for (let d = 0; d < items.length; d++) draws[randomIndex(random, items.length)]++;
      for (let r = 0; r < rowItem.length; r++) weights[r] = draws[rowItem[r]];
      const boot = fitBradleyTerry(matrix(weights, true), { tolerance: 1e-9 });
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
