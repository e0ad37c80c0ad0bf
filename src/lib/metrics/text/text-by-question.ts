import type { Connector } from '../../db/connector';
import { questionKey } from '../../report/report-types';
import { joinSql, sql } from '../../sql/sql';
import type { Filters } from '../filters';
import { groupByItem, textAnswers } from './text-answers';
import { editSimilarity, exactMatch, tokenF1 } from './text-similarity';

/** The `text` block of a question in the report (keys of issue 6, plus additions). */
export interface TextReport {
  /** Between annotators: mean over items (with ≥ 2 answers) of the mean over answer pairs. */
  exact_match: number | null;
  token_f1: number | null;
  edit_similarity: number | null;
  pairable_items: number;
  /** Against gold: mean over the answers whose item has a gold text. */
  exact_match_vs_gold: number | null;
  token_f1_vs_gold: number | null;
  edit_similarity_vs_gold: number | null;
  answers_with_gold: number;
  annotators: {
    annotator_id: string;
    answers: number;
    exact_match_vs_gold: number | null;
    token_f1_vs_gold: number | null;
    edit_similarity_vs_gold: number | null;
  }[];
  reasons: Record<string, string>;
}

const MEASURES = { exact_match: exactMatch, token_f1: tokenF1, edit_similarity: editSimilarity } as const;
type Measure = keyof typeof MEASURES;

/** Mean of each similarity over the given text pairs (null for an empty list). */
export function meanSimilarity(pairs: readonly [string, string][]): Record<Measure, number | null> {
  const out = { exact_match: null, token_f1: null, edit_similarity: null } as Record<Measure, number | null>;
  if (pairs.length === 0) return out;
  for (const name of Object.keys(MEASURES) as Measure[])
    out[name] = pairs.reduce((s, [a, b]) => s + MEASURES[name](a, b), 0) / pairs.length;
  return out;
}

/**
 * Free-text similarity per text question (value_kind 'text', or the questions named in
 * `options.questions`): normalised exact match, SQuAD token F1 and character edit similarity,
 * between annotators (all unordered pairs of answers on an item, averaged per item, then
 * over items) and against gold. Texts are read in SQL; the similarities are computed in TS
 * over the needed pairs (string edit distance has no DuckDB-wasm equivalent for token F1).
 */
export async function textByQuestion(
  db: Connector,
  filters: Filters = {},
  options: { questions?: string[] } = {},
): Promise<Map<string, TextReport>> {
  const where = options.questions?.length
    ? sql`j.question IN (${joinSql(options.questions.map((q) => sql`${q}`))})`
    : sql`j.value_kind = 'text'`;
  const rows = await textAnswers(db, filters, where);
  const out = new Map<string, TextReport>();
  for (const [key, items] of groupByItem(rows, questionKey)) {
    const reasons: Record<string, string> = {};
    const perItem: Record<Measure, number | null>[] = [];
    const goldPairs: [string, string][] = [];
    const byAnnotator = new Map<string, [string, string][]>();
    const answers = new Map<string, number>();
    for (const list of items.values()) {
      const pairs: [string, string][] = [];
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) pairs.push([list[i].answer, list[j].answer]);
      if (pairs.length) perItem.push(meanSimilarity(pairs));
      for (const row of list) {
        answers.set(row.annotator_id, (answers.get(row.annotator_id) ?? 0) + 1);
        if (row.gold === null) continue;
        goldPairs.push([row.answer, row.gold]);
        if (!byAnnotator.has(row.annotator_id)) byAnnotator.set(row.annotator_id, []);
        byAnnotator.get(row.annotator_id)!.push([row.answer, row.gold]);
      }
    }
    const between = Object.fromEntries(
      (Object.keys(MEASURES) as Measure[]).map((m) => [
        m,
        perItem.length ? perItem.reduce((s, r) => s + r[m]!, 0) / perItem.length : null,
      ]),
    ) as Record<Measure, number | null>;
    const vsGold = meanSimilarity(goldPairs);
    if (perItem.length === 0) for (const m of Object.keys(MEASURES)) reasons[m] = 'no item has two or more answers';
    if (goldPairs.length === 0) for (const m of Object.keys(MEASURES)) reasons[`${m}_vs_gold`] = 'no answer has a gold text';
    out.set(key, {
      ...between,
      pairable_items: perItem.length,
      exact_match_vs_gold: vsGold.exact_match,
      token_f1_vs_gold: vsGold.token_f1,
      edit_similarity_vs_gold: vsGold.edit_similarity,
      answers_with_gold: goldPairs.length,
      annotators: [...answers.keys()].sort().map((a) => {
        const s = meanSimilarity(byAnnotator.get(a) ?? []);
        return {
          annotator_id: a,
          answers: answers.get(a)!,
          exact_match_vs_gold: s.exact_match,
          token_f1_vs_gold: s.token_f1,
          edit_similarity_vs_gold: s.edit_similarity,
        };
      }),
      reasons,
    });
  }
  return out;
}
