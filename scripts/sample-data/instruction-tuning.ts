import { errorRate } from './annotators';
import { choose, rate, unitPriceCents, unitRows, type Part } from './rows';
import { clampDuration, type StrategyModel } from './strategy-model';
import { makeWrittenFact, rewrite, type WrittenFact } from './texts';

/** An instruction-tuning example with its true quality (1–5), accept decision and reference output. */
export interface InstructionItem {
  id: string;
  gold: boolean;
  quality: number;
  accept: 'accept' | 'reject';
  fact: WrittenFact;
}

const ACCEPT = ['accept', 'reject'] as const;

/**
 * Instruction tuning: `quality` (rating 1–5), `accept` (accept/reject; the truth is accept for
 * quality ≥ 4, reject for ≤ 2, either for 3) and `output` (the annotator's written answer).
 * Units take 60–300 s (log-normal, median 140 s; ×0.65 when pre-labelled).
 */
export const instructionTuning: StrategyModel<InstructionItem> = {
  strategy: 'instruction_tuning',
  itemsPerBatch: 460,
  prefix: 'it',
  prelabelRate: (batch) => [0, 0.2, 0.3][batch],
  makeItem(id, gold, rng) {
    const quality = rng.weighted([1, 2, 3, 4, 5], [0.07, 0.16, 0.3, 0.31, 0.16]);
    const accept = quality >= 4 || (quality === 3 && rng.chance(0.5)) ? 'accept' : 'reject';
    return { id, gold, quality, accept, fact: makeWrittenFact(rng) };
  },
  unitDuration(_item, annotator, prelabeled, rng) {
    const seconds = rng.logNormal(140, 0.35) * annotator.speed * (prelabeled ? 0.65 : 1);
    return clampDuration(seconds, 60, 300, !!annotator.careless);
  },
  rows(item, task, rng) {
    const annotator = task.annotator;
    const error = errorRate(annotator, task.periodFraction);
    const careless = !!annotator.careless;
    // An AI pre-label is right 80–88 % of the time; the annotator keeps it or judges afresh.
    const fromModel = (ai: () => string, own: () => string) => (task.prelabeled && rng.chance(annotator.keepsPrelabel) ? ai() : own());
    const quality = fromModel(
      () => String(rng.chance(0.8) ? item.quality : Math.min(5, Math.max(1, item.quality + (rng.chance(0.5) ? 1 : -1)))),
      () => String(rate(item.quality, 1, 5, error, annotator.ratingBias, rng)),
    );
    const accept = fromModel(
      () => choose(item.accept, ACCEPT, 0.12, rng),
      () => choose(item.accept, ACCEPT, error, rng),
    );
    const output = fromModel(
      () => rewrite(rng.chance(0.1) ? rng.pick(item.fact.wrong) : item.fact.reference, 0.2, false, rng),
      () => rewrite(rng.chance(error) ? rng.pick(item.fact.wrong) : item.fact.reference, careless ? 0.6 : 0.3, careless, rng),
    );
    const gold = (value: string) => (item.gold ? value : undefined);
    const parts: Part[] = [
      { question: 'quality', valueKind: 'number', answer: quality, gold: gold(String(item.quality)), weight: 0.3 },
      { question: 'accept', valueKind: 'category', answer: accept, gold: gold(item.accept), weight: 0.1 },
      { question: 'output', valueKind: 'text', answer: output, gold: gold(item.fact.reference), weight: 0.6 },
    ];
    return unitRows(task, parts, unitPriceCents(task, 0, rng), { prelabeled: String(task.prelabeled) });
  },
};
