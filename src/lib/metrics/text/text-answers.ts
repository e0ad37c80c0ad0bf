import type { Connector } from '../../db/connector';
import { leftJoinGold } from '../../db/gold-join';
import { sql, type SqlQuery } from '../../sql/sql';
import { filteredJudgements, type Filters } from '../filters';

/** One answer's text with its gold text (null when the item has none). */
export type TextAnswer = {
  batch_id: string;
  strategy: string;
  question: string;
  item_id: string;
  annotator_id: string;
  answer: string;
  gold: string | null;
};

/**
 * The answers of the selected questions (text = coalesce(text, label)), each with its gold
 * (coalesce(gold text, gold label), by the convention of gold-join.ts), usable after FROM:
 * columns of `TextAnswer` and the integer keys question_no, item_no, annotator_no.
 */
export async function textAnswerRows(db: Connector, filters: Filters, where: SqlQuery): Promise<SqlQuery> {
  return sql`(
    SELECT j.batch_id, j.strategy, j.question, j.item_id, j.annotator_id, coalesce(j.text, j.label) AS answer,
      coalesce(g.gold_text, g.gold_label) AS gold, j.question_no, j.item_no, j.annotator_no
    FROM ${filteredJudgements(filters)} j ${await leftJoinGold(db)}
    WHERE coalesce(j.text, j.label) IS NOT NULL AND j.x IS NULL AND (${where}))`;
}

/** `textAnswerRows` read into memory, ordered by question, item and annotator. */
export async function textAnswers(db: Connector, filters: Filters, where: SqlQuery): Promise<TextAnswer[]> {
  return db.query<TextAnswer>(sql`SELECT batch_id, strategy, question, item_id, annotator_id, answer, gold
    FROM ${await textAnswerRows(db, filters, where)} a
    ORDER BY batch_id, strategy, question, item_id, annotator_id`);
}

/** Groups answers by question key then item, keeping order. */
export function groupByItem<T extends { item_id: string }>(
  rows: readonly T[],
  keyOf: (row: T) => string,
): Map<string, Map<string, T[]>> {
  const out = new Map<string, Map<string, T[]>>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!out.has(key)) out.set(key, new Map());
    const items = out.get(key)!;
    if (!items.has(row.item_id)) items.set(row.item_id, []);
    items.get(row.item_id)!.push(row);
  }
  return out;
}
