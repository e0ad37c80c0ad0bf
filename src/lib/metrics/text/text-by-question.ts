import type { Connector } from '../../db/connector';
import { questionKey } from '../../report/report-types';
import { joinSql, sql } from '../../sql/sql';
import type { Filters } from '../filters';
import { groupByItem, textAnswers } from './text-answers';
import { normalised, similarities, type NormalisedText } from './text-similarity';

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

const MEASURES = ['exact_match', 'token_f1', 'edit_similarity'] as const;
type Measure = (typeof MEASURES)[number];

/** Running sums of the three similarities over text pairs, for their means. */
class SimilaritySums {
  pairs = 0;
  private readonly sums: Record<Measure, number> = { exact_match: 0, token_f1: 0, edit_similarity: 0 };

  add(similarity: Record<Measure, number>): void {
    this.pairs++;
    for (const m of MEASURES) this.sums[m] += similarity[m];
  }

  /** The mean of each similarity (null without a pair). */
  means(): Record<Measure, number | null> {
    const n = this.pairs;
    return {
      exact_match: n ? this.sums.exact_match / n : null,
      token_f1: n ? this.sums.token_f1 / n : null,
      edit_similarity: n ? this.sums.edit_similarity / n : null,
    };
  }
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
  const texts = new Map<string, NormalisedText>(); // each distinct text normalised once
  const similarity = (a: string, b: string) => {
    for (const t of [a, b]) if (!texts.has(t)) texts.set(t, normalised(t));
    return similarities(texts.get(a)!, texts.get(b)!);
  };
  for (const [key, items] of groupByItem(rows, questionKey)) {
    const reasons: Record<string, string> = {};
    const perItem: Record<Measure, number | null>[] = [];
    const vsGold = new SimilaritySums();
    const byAnnotator = new Map<string, SimilaritySums>();
    const answers = new Map<string, number>();
    for (const list of items.values()) {
      const item = new SimilaritySums();
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) item.add(similarity(list[i].answer, list[j].answer));
      if (item.pairs) perItem.push(item.means());
      for (const row of list) {
        answers.set(row.annotator_id, (answers.get(row.annotator_id) ?? 0) + 1);
        if (row.gold === null) continue;
        const toGold = similarity(row.answer, row.gold);
        vsGold.add(toGold);
        if (!byAnnotator.has(row.annotator_id)) byAnnotator.set(row.annotator_id, new SimilaritySums());
        byAnnotator.get(row.annotator_id)!.add(toGold);
      }
    }
    const between = Object.fromEntries(
      MEASURES.map((m) => [m, perItem.length ? perItem.reduce((s, r) => s + r[m]!, 0) / perItem.length : null]),
    ) as Record<Measure, number | null>;
    const gold = vsGold.means();
    if (perItem.length === 0) for (const m of MEASURES) reasons[m] = 'no item has two or more answers';
    if (vsGold.pairs === 0) for (const m of MEASURES) reasons[`${m}_vs_gold`] = 'no answer has a gold text';
    out.set(key, {
      ...between,
      pairable_items: perItem.length,
      exact_match_vs_gold: gold.exact_match,
      token_f1_vs_gold: gold.token_f1,
      edit_similarity_vs_gold: gold.edit_similarity,
      answers_with_gold: vsGold.pairs,
      annotators: [...answers.keys()].sort().map((a) => {
        const s = byAnnotator.get(a)?.means() ?? new SimilaritySums().means();
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
