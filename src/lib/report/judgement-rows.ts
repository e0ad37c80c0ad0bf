import type { Connector } from '../db/connector';
import { goldJudgements, sameJudgement } from '../db/gold-join';
import { filteredJudgements, type Filters } from '../metrics/filters';
import { raw, sql, type SqlQuery } from '../sql/sql';

export interface JudgementRow {
  file_name: string;
  source_row: number;
  batch_id: string;
  strategy: string;
  item_id: string;
  question: string;
  annotator_id: string;
  answer: string | null;
  gold: string | null;
  correct: boolean | null;
  submitted_at: string | null;
  duration_s: number | null;
}

export interface RowsPage {
  rows: JudgementRow[];
  total: number;
}

/** An extra condition over the judgements (alias `j`) for a drill-down, e.g. only the disagreeing items. */
export type RowCondition = SqlQuery;

/** The rows' order, applied to pick the page (before the joins, which then touch only its rows) and again to list it. */
const ROW_ORDER = raw('ORDER BY j.batch_id, j.strategy, j.question, j.item_id, j.annotator_id, j.source_id, j.source_row');

/**
 * Judgements (alias `j`) whose item, annotator, question, batch, answer label or file name
 * contains `text`, ignoring case (DuckDB's `lower` on both sides). Ids are matched in the small
 * dictionaries (integer-keys.ts) and `sources`, then the rows by their integer keys: one
 * string test per distinct id instead of five per row (1M judgements, count and page: 0.6 → 0.2 s).
 */
function containing(text: string): SqlQuery {
  const has = (column: string) => sql`contains(lower(${raw(column)}), lower(${text}))`;
  return sql`(j.item_no IN (SELECT item_no FROM item_keys WHERE ${has('item_id')})
    OR j.annotator_no IN (SELECT annotator_no FROM annotator_keys WHERE ${has('annotator_id')})
    OR j.question_no IN (SELECT question_no FROM question_keys WHERE ${has('question')} OR ${has('batch_id')})
    OR j.source_id IN (SELECT source_id FROM sources WHERE ${has('file_name')})
    OR ${has('j.label')})`;
}

/**
 * One page of the judgements behind a number: the filtered rows (plus an optional
 * drill-down condition), searched case-insensitively in ids, answers and file names, each
 * traced back to its file and row, with its gold answer when there is one.
 */
export async function judgementRows(
  db: Connector,
  filters: Filters,
  options: { search?: string; condition?: RowCondition; limit?: number; offset?: number } = {},
): Promise<RowsPage> {
  const search = options.search?.trim();
  const where = sql`${options.condition ?? sql`true`} AND ${search ? containing(search) : sql`true`}`;
  const selected = sql`SELECT j.* FROM ${filteredJudgements(filters)} j WHERE ${where}`;
  const [{ total }] = await db.query<{ total: number }>(sql`SELECT count(*)::DOUBLE AS total FROM (${selected})`);
  const rows = await db.query<JudgementRow & Record<string, unknown>>(sql`
    SELECT s.file_name, j.source_row::DOUBLE AS source_row, j.batch_id, j.strategy, j.item_id, j.question, j.annotator_id,
      coalesce(j.label, j.text, CASE WHEN j.x IS NOT NULL THEN printf('box %.0f,%.0f %.0f×%.0f', j.x, j.y, j.w, j.h) END) AS answer,
      g.gold_label AS gold, g.is_correct AS correct, strftime(j.submitted_at, '%Y-%m-%d %H:%M') AS submitted_at, j.duration_s
    FROM (${selected} ${ROW_ORDER}
      LIMIT ${Math.max(1, Math.trunc(options.limit ?? 100))} OFFSET ${Math.max(0, Math.trunc(options.offset ?? 0))}) j
    JOIN sources s USING (source_id)
    LEFT JOIN ${await goldJudgements(db)} g ON ${sameJudgement('g', 'j')}
    ${ROW_ORDER}`);
  return { rows, total };
}

/** Drill-down condition: only the items on which two annotators both answered a question and differ. */
export function disagreementBetween(annotatorA: string, annotatorB: string): RowCondition {
  return sql`j.annotator_id IN (${annotatorA}, ${annotatorB}) AND EXISTS (
    SELECT 1 FROM judgements a JOIN judgements b USING (batch_id, strategy, question, item_id)
    WHERE a.annotator_id = ${annotatorA} AND b.annotator_id = ${annotatorB}
      AND a.batch_id = j.batch_id AND a.strategy = j.strategy AND a.question = j.question AND a.item_id = j.item_id
      AND a.x IS NULL AND b.x IS NULL AND a.label IS DISTINCT FROM b.label)`;
}

/**
 * Drill-down condition: the judgements that disagree with gold of one annotator or batch,
 * on one UTC day (`YYYY-MM-DD`) or in one batch — a p-chart point.
 */
export function goldErrorsIn(
  series: { annotator?: string; batch?: string },
  subgroup: { day?: string; batch?: string },
): RowCondition {
  return sql`${series.annotator === undefined ? sql`true` : sql`j.annotator_id = ${series.annotator}`}
    AND ${series.batch === undefined ? sql`true` : sql`j.batch_id = ${series.batch}`}
    AND ${subgroup.day === undefined ? sql`true` : sql`CAST(j.submitted_at AS DATE) = CAST(${subgroup.day} AS DATE)`}
    AND ${subgroup.batch === undefined ? sql`true` : sql`j.batch_id = ${subgroup.batch}`}
    AND EXISTS (SELECT 1 FROM judgement_gold g WHERE ${sameJudgement('g', 'j')} AND NOT g.is_correct)`;
}

export interface ItemAnswers {
  batch_id: string;
  question: string;
  item_id: string;
  gold: string | null;
  answers: { annotator_id: string; answer: string | null; correct: boolean | null }[];
}

/**
 * The same selection as `judgementRows`, one line per (batch, question, item) with every
 * annotator's answer side by side (and the gold answer), for reviewing disagreements.
 */
export async function itemAnswers(
  db: Connector,
  filters: Filters,
  options: { condition?: RowCondition; limit?: number; offset?: number } = {},
): Promise<{ items: ItemAnswers[]; total: number }> {
  const selected = sql`SELECT j.* FROM ${filteredJudgements(filters)} j WHERE ${options.condition ?? sql`true`}`;
  const grouped = sql`
    SELECT j.batch_id, j.question, j.item_id, any_value(g.gold_label) AS gold,
      list({'annotator_id': j.annotator_id, 'answer': coalesce(j.label, j.text), 'correct': g.is_correct} ORDER BY j.annotator_id) AS answers
    FROM (${selected}) j LEFT JOIN ${await goldJudgements(db)} g ON ${sameJudgement('g', 'j')}
    GROUP BY ALL`;
  const [{ total }] = await db.query<{ total: number }>(sql`SELECT count(*)::DOUBLE AS total FROM (${grouped})`);
  const items = await db.query<ItemAnswers & Record<string, unknown>>(sql`
    SELECT * FROM (${grouped}) ORDER BY batch_id, question, item_id
    LIMIT ${Math.max(1, Math.trunc(options.limit ?? 100))} OFFSET ${Math.max(0, Math.trunc(options.offset ?? 0))}`);
  return { items, total };
}

/**
 * Drill-down condition: every judgement on the (batch, question, item)s an annotator answered,
 * so the side-by-side view shows their answer next to the others' on the same items.
 */
export function itemsAnsweredBy(annotator: string): RowCondition {
  return sql`EXISTS (SELECT 1 FROM judgements a WHERE a.annotator_id = ${annotator} AND a.batch_id = j.batch_id
    AND a.strategy = j.strategy AND a.question = j.question AND a.item_id = j.item_id)`;
}
