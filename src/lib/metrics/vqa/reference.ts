import { questionKey } from '../../report/report-types';
import { groupByItem, type TextAnswer } from '../text/text-answers';
import { normaliseVqaAnswer } from './normalise-vqa-answer';
import { humanVqaAccuracies, vqaAccuracy } from './vqa-accuracy';
import type { VqaReport } from './vqa-by-question';

/**
 * Plain-TS reference of `vqaByQuestion`, used by the tests to cross-check its SQL on the same
 * answers (never called by the app): every answer row in memory, grouped by question and item,
 * scored with `humanVqaAccuracies` and `vqaAccuracy`. `rows` ordered by question, item, annotator.
 */
export function vqaReference(rows: readonly TextAnswer[]): Map<string, VqaReport> {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  const out = new Map<string, VqaReport>();
  for (const [key, items] of groupByItem(rows, questionKey)) {
    const human: number[] = [];
    const goldMatches: number[] = [];
    const goldAccuracies: number[] = [];
    const perAnnotator = new Map<string, { answers: number; human: number[]; gold: number[] }>();
    for (const list of items.values()) {
      const answers = list.map((r) => normaliseVqaAnswer(r.answer));
      const scores = list.length >= 2 ? humanVqaAccuracies(answers) : null;
      const gold = list[0].gold === null ? null : normaliseVqaAnswer(list[0].gold);
      list.forEach((row, i) => {
        if (!perAnnotator.has(row.annotator_id)) perAnnotator.set(row.annotator_id, { answers: 0, human: [], gold: [] });
        const a = perAnnotator.get(row.annotator_id)!;
        a.answers++;
        if (scores) {
          human.push(scores[i]);
          a.human.push(scores[i]);
        }
        if (gold !== null) {
          const match = answers[i] === gold ? 1 : 0;
          goldMatches.push(match);
          a.gold.push(match);
        }
      });
      if (gold !== null) goldAccuracies.push(vqaAccuracy(gold, answers)!);
    }
    const reasons: Record<string, string> = {};
    if (!human.length) reasons.vqa_accuracy = 'no item has two or more answers';
    if (!goldMatches.length) reasons.exact_match_vs_gold = reasons.gold_vqa_accuracy = 'no item has a gold answer';
    out.set(key, {
      vqa_accuracy: mean(human),
      pairable_items: [...items.values()].filter((l) => l.length >= 2).length,
      exact_match_vs_gold: mean(goldMatches),
      answers_with_gold: goldMatches.length,
      gold_vqa_accuracy: mean(goldAccuracies),
      annotators: [...perAnnotator.keys()].sort().map((id) => {
        const a = perAnnotator.get(id)!;
        return { annotator_id: id, answers: a.answers, vqa_accuracy: mean(a.human), exact_match_vs_gold: mean(a.gold) };
      }),
      reasons,
    });
  }
  return out;
}
