import type { Connector } from '../../db/connector';
import { questionKey } from '../../report/report-types';
import { joinSql, sql } from '../../sql/sql';
import type { Filters } from '../filters';
import { groupByItem, textAnswers } from '../text/text-answers';
import { normaliseVqaAnswer } from './normalise-vqa-answer';
import { humanVqaAccuracies, vqaAccuracy } from './vqa-accuracy';

/** The `vqa` block of a question in the report. */
export interface VqaReport {
  /** Mean over answers (on items with ≥ 2 answers) of the human VQA accuracy against the other annotators. */
  vqa_accuracy: number | null;
  pairable_items: number;
  /** Share of answers equal to the gold answer after VQA normalisation. */
  exact_match_vs_gold: number | null;
  answers_with_gold: number;
  /** Mean over gold items of the gold answer's VQA accuracy against the annotators' answers. */
  gold_vqa_accuracy: number | null;
  annotators: { annotator_id: string; answers: number; vqa_accuracy: number | null; exact_match_vs_gold: number | null }[];
  reasons: Record<string, string>;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/**
 * VQA measures per question: by default the vl_alignment questions whose answers are
 * categories or short text (or numbers, when the question is named …vqa… / …answer…) and whose
 * name does not say caption/description (or the
 * questions named in `options.questions`). Answers are normalised as in the official VQA
 * evaluation. Answers are read in SQL; the per-item scoring runs in TS.
 */
export async function vqaByQuestion(
  db: Connector,
  filters: Filters = {},
  options: { questions?: string[] } = {},
): Promise<Map<string, VqaReport>> {
  const where = options.questions?.length
    ? sql`j.question IN (${joinSql(options.questions.map((q) => sql`${q}`))})`
    : sql`j.strategy = 'vl_alignment' AND NOT regexp_matches(lower(j.question), 'caption|descri')
        AND (j.value_kind IN ('category', 'text') OR (j.value_kind = 'number' AND regexp_matches(lower(j.question), 'vqa|answer')))`;
  const rows = await textAnswers(db, filters, where);
  // Answers repeat (a few classes over many items): normalise each distinct string once.
  const normalised = new Map<string, string>();
  const normalise = (answer: string) => {
    let n = normalised.get(answer);
    if (n === undefined) normalised.set(answer, (n = normaliseVqaAnswer(answer)));
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
