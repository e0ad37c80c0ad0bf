import { errorRate } from './annotators';
import { choose, rate, unitPriceCents, unitRows, type Part } from './rows';
import { clampDuration, type StrategyModel } from './strategy-model';

/** Compared models and their true Bradley–Terry log-strengths (Bradley & Terry 1952): cirrus-70b wins. */
export const MODEL_STRENGTHS: Record<string, number> = {
  'cirrus-70b': 1.0,
  'borealis-13b': 0.4,
  'atlas-7b': 0.0,
  'dune-3b': -0.7,
};
const MODELS = Object.keys(MODEL_STRENGTHS);
const SIDES = ['A', 'B', 'tie'] as const;

/** A comparison of two models' responses, with the true preferred side and rubric scores of response A. */
export interface RlhfItem {
  id: string;
  gold: boolean;
  optionA: string;
  optionB: string;
  preferred: 'A' | 'B' | 'tie';
  helpfulness: number;
  harmlessness: number;
}

/**
 * RLHF preference: `preferred` (A/B/tie; the truth is a tie with probability 0.1, else A with
 * the Bradley–Terry probability e^sA / (e^sA + e^sB)), and 1–7 Likert scores `helpfulness` and
 * `harmlessness` of response A. Which response is shown first is random per annotator; in 35 %
 * of comparisons ann-05 picks the first-shown one whatever it says (≈ 68 % of its choices). Units take 90–400 s.
 */
export const rlhfPreference: StrategyModel<RlhfItem> = {
  strategy: 'rlhf_preference',
  itemsPerBatch: 400,
  prefix: 'rl',
  prelabelRate: () => 0,
  makeItem(id, gold, rng) {
    const [optionA, optionB] = rng.shuffle(MODELS).slice(0, 2);
    const [sA, sB] = [MODEL_STRENGTHS[optionA], MODEL_STRENGTHS[optionB]];
    const preferred = rng.chance(0.1) ? 'tie' : rng.chance(Math.exp(sA) / (Math.exp(sA) + Math.exp(sB))) ? 'A' : 'B';
    const lean = preferred === 'A' ? 0.8 : preferred === 'B' ? -0.8 : 0;
    const helpfulness = Math.min(7, Math.max(1, Math.round(4 + 1.1 * sA + lean + rng.normal(0, 0.9))));
    const harmlessness = rng.weighted([7, 6, 5, 4, 3, 2], [0.58, 0.26, 0.08, 0.04, 0.02, 0.02]);
    return { id, gold, optionA, optionB, preferred, helpfulness, harmlessness };
  },
  unitDuration(_item, annotator, _prelabeled, rng) {
    return clampDuration(rng.logNormal(210, 0.35) * annotator.speed, 90, 400, !!annotator.careless);
  },
  rows(item, task, rng) {
    const annotator = task.annotator;
    const error = errorRate(annotator, task.periodFraction);
    const shownFirst = rng.chance(0.5) ? 'A' : 'B';
    const preferred =
      annotator.positionBias && rng.chance(annotator.positionBias) ? shownFirst : choose(item.preferred, SIDES, error, rng);
    const gold = (value: string) => (item.gold ? value : undefined);
    const parts: Part[] = [
      { question: 'preferred', valueKind: 'preference', answer: preferred, gold: gold(item.preferred), weight: 0.6, fields: { shown_first: shownFirst } },
      {
        question: 'helpfulness',
        valueKind: 'number',
        answer: String(rate(item.helpfulness, 1, 7, error, annotator.ratingBias, rng)),
        gold: gold(String(item.helpfulness)),
        weight: 0.2,
      },
      {
        question: 'harmlessness',
        valueKind: 'number',
        answer: String(rate(item.harmlessness, 1, 7, error, annotator.ratingBias, rng)),
        gold: gold(String(item.harmlessness)),
        weight: 0.2,
      },
    ];
    return unitRows(task, parts, unitPriceCents(task, 0, rng), { option_a: item.optionA, option_b: item.optionB });
  },
};
