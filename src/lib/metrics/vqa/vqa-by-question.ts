import type { Connector } from '../../db/connector';
import { questionKey } from '../../report/report-types';
import { joinSql, literal, sql, type SqlQuery } from '../../sql/sql';
import type { Filters } from '../filters';
import { textAnswerRows, textAnswers } from '../text/text-answers';
import { vqaReference } from './reference';
import { normaliseVqaAnswer } from './normalise-vqa-answer';

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

/** One annotator's counts on one question, as the SQL returns them (question figures repeated on each row). */
type AnnotatorCounts = {
  batch_id: string;
  strategy: string;
  question: string;
  annotator_id: string;
  answers: number;
  /** Σ over answers on items with ≥ 2 answers of 3 × human VQA accuracy = min(others agreeing, 3), and how many. */
  human3: number;
  scored: number;
  gold_matches: number;
  gold_answers: number;
  pairable_items: number;
  gold_vqa_accuracy: number | null;
};

/**
 * Above this many distinct answer texts (free-text answers), the texts' mapping to their
 * normalised forms would be a statement slow to parse (duckdb-wasm: 1.3 s for 30k, 11 s for
 * 300k): the answers are then read into memory and scored by `vqaReference`, as before.
 */
export const VQA_SQL_TEXT_LIMIT = 20_000;

/**
 * VQA measures per question: by default the vl_alignment questions whose answers are
 * categories or short text (or numbers, when the question is named …vqa… / …answer…) and whose
 * name does not say caption/description (or the questions named in `options.questions`).
 * Answers are normalised as in the official VQA evaluation (`normaliseVqaAnswer`, in TS, once
 * per distinct text: a few classes over many items); the counting runs in SQL — per item the
 * answers m and each normalised answer's count c: a human answer scores min(c − 1, 3) / 3
 * against the others (`humanVqaAccuracies`), gold scores `vqaAccuracy` with its matches —
 * so no answer row is read into memory (1M judgements: 333k rows of seven strings before;
 * native 3.5 → 0.5 s). `vqaReference` (reference.ts) is the same over rows in memory: the
 * tests cross-check the two, and it scores answers with more than `VQA_SQL_TEXT_LIMIT` texts.
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
  const answers = await textAnswerRows(db, filters, where);
  const texts = await db.query<{ text: string }>(sql`SELECT DISTINCT text FROM (
    SELECT answer AS text FROM ${answers} a UNION ALL SELECT gold FROM ${answers} a WHERE gold IS NOT NULL)`);
  if (!texts.length) return new Map();
  if (texts.length > VQA_SQL_TEXT_LIMIT) return vqaReference(await textAnswers(db, filters, where));
  const rows = await db.query<AnnotatorCounts>(annotatorCounts(answers, normalisedTexts(texts.map((t) => t.text))));
  const out = new Map<string, VqaReport>();
  const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);
  for (const row of rows) {
    const key = questionKey(row);
    if (!out.has(key)) out.set(key, { ...questionFigures(rows.filter((r) => questionKey(r) === key)), annotators: [] });
    out.get(key)!.annotators.push({
      annotator_id: row.annotator_id,
      answers: row.answers,
      vqa_accuracy: ratio(row.human3, 3 * row.scored),
      exact_match_vs_gold: ratio(row.gold_matches, row.gold_answers),
    });
  }
  for (const report of out.values()) report.annotators.sort((a, b) => (a.annotator_id < b.annotator_id ? -1 : 1));
  return out;
}

/** The question's figures from its annotators' counts (item figures are the same on every row). */
function questionFigures(rows: AnnotatorCounts[]): Omit<VqaReport, 'annotators'> {
  const sum = (f: (r: AnnotatorCounts) => number) => rows.reduce((s, r) => s + f(r), 0);
  const scored = sum((r) => r.scored);
  const goldAnswers = sum((r) => r.gold_answers);
  const reasons: Record<string, string> = {};
  if (!scored) reasons.vqa_accuracy = 'no item has two or more answers';
  if (!goldAnswers) reasons.exact_match_vs_gold = reasons.gold_vqa_accuracy = 'no item has a gold answer';
  return {
    vqa_accuracy: scored ? sum((r) => r.human3) / (3 * scored) : null,
    pairable_items: rows[0].pairable_items,
    exact_match_vs_gold: goldAnswers ? sum((r) => r.gold_matches) / goldAnswers : null,
    answers_with_gold: goldAnswers,
    gold_vqa_accuracy: rows[0].gold_vqa_accuracy,
    reasons,
  };
}

/** Each distinct text with its VQA normalisation, as a relation (raw, norm) usable after FROM. */
function normalisedTexts(texts: string[]): SqlQuery {
  const list = (values: string[]) => joinSql(values.map((v) => literal(v)));
  return sql`(SELECT unnest([${list(texts)}]) AS raw, unnest([${list(texts.map(normaliseVqaAnswer))}]) AS norm)`;
}

/**
 * Per (question, annotator): answers, Σ min(c − 1, 3) and the answers it sums (items with
 * m ≥ 2), gold matches and answers with gold; and the question's pairable items and mean gold
 * VQA accuracy over its gold items (Antol et al. 2015: with m references and k matching,
 * (k·min((k − 1)/3, 1) + (m − k)·min(k/3, 1)) / m; min(k/3, 1) for one reference).
 * One GROUP BY per item gives m, k and the item's answers; each answer's c (answers equal to
 * it on its item) is counted in that short list, so no window sorts the rows by item and
 * answer (1M judgements, duckdb-wasm: 0.9 → 0.4 s). Grouped on the integer keys, ids looked up at the end.
 */
function annotatorCounts(answers: SqlQuery, normalised: SqlQuery): SqlQuery {
  return sql`
    WITH texts AS MATERIALIZED ${normalised},
    a AS (
      SELECT r.question_no, r.item_no, r.annotator_no, n.norm AS answer, g.norm AS gold
      FROM ${answers} r JOIN texts n ON n.raw = r.answer LEFT JOIN texts g ON g.raw = r.gold),
    per_item AS MATERIALIZED (
      SELECT question_no, count(*) AS m, any_value(gold) AS gold, count(*) FILTER (WHERE answer = gold) AS k,
        list(answer) AS answers, list({annotator_no: annotator_no, answer: answer, gold: gold}) AS entries
      FROM a GROUP BY question_no, item_no),
    items AS (
      SELECT question_no, count(*) FILTER (WHERE m >= 2) AS pairable_items,
        avg(CASE WHEN m = 1 THEN least(k / 3.0, 1) ELSE (k * least((k - 1) / 3.0, 1) + (m - k) * least(k / 3.0, 1)) / m END)
          FILTER (WHERE gold IS NOT NULL) AS gold_vqa_accuracy
      FROM per_item GROUP BY question_no),
    counted AS (
      SELECT question_no, e.annotator_no, m, e.answer, e.gold, len(list_filter(answers, x -> x = e.answer)) AS c
      FROM (SELECT question_no, m, answers, unnest(entries) AS e FROM per_item)),
    per_annotator AS (
      SELECT question_no, annotator_no, count(*)::DOUBLE AS answers,
        coalesce(sum(least(c - 1, 3)) FILTER (WHERE m >= 2), 0)::DOUBLE AS human3,
        count(*) FILTER (WHERE m >= 2)::DOUBLE AS scored,
        count(*) FILTER (WHERE answer = gold)::DOUBLE AS gold_matches,
        count(gold)::DOUBLE AS gold_answers,
        any_value(i.pairable_items)::DOUBLE AS pairable_items, any_value(i.gold_vqa_accuracy)::DOUBLE AS gold_vqa_accuracy
      FROM counted JOIN items i USING (question_no)
      GROUP BY question_no, annotator_no)
    SELECT q.batch_id, q.strategy, q.question, a.annotator_id, p.* EXCLUDE (question_no, annotator_no)
    FROM per_annotator p JOIN question_keys q USING (question_no) JOIN annotator_keys a USING (annotator_no)
    ORDER BY q.batch_id, q.strategy, q.question, a.annotator_id`;
}
