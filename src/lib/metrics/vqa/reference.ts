import { questionKey } from '../../report/report-types';
import { groupByItem, type TextAnswer } from '../text/text-answers';
import { normaliseVqaAnswer } from './normalise-vqa-answer';
import { humanVqaAccuracies, vqaAccuracy } from './vqa-accuracy';
import type { VqaReport } from './vqa-by-question';

/**
 * `vqaByQuestion` over answer rows in memory, grouped by question and item and scored with
 * `humanVqaAccuracies` and `vqaAccuracy`: the tests cross-check the SQL counting with it, and
 * `vqaByQuestion` uses it for free-text answers with too many distinct texts to map in SQL.
 * `rows` ordered by question, item, annotator.
 */
export function vqaReference(rows: readonly TextAnswer[]): Map<string, VqaReport> {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  // Answers repeat: normalise each distinct text once.
  const normalised = new Map<string, string>();
  const normalise = (text: string) => {
    let n = normalised.get(text);
    if (n === undefined) normalised.set(text, (n = normaliseVqaAnswer(text)));
    return n;
  };
  const out = new Map<string, VqaReport>();
  for (const [key, items] of groupByItem(rows, questionKey)) {
    const human: number[] = [];
    const goldMatches: number[] = [];
    const goldAccuracies: number[] = [];
    const perAnnotator = new Map<string, { answers: number; human: number[]; gold: number[] }>();
    for (const list of items.values()) {
      const answers = list.map((r) => normalise(r.answer));
      const scores = list.length >= 2 ? humanVqaAccuracies(answers) : null;
      const gold = list[0].gold === null ? null : normalise(list[0].gold);
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
