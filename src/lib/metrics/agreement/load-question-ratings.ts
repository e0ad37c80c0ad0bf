import type { Connector } from '../../db/connector';
import type { Level } from '../../db/schema';
import { questionKey } from '../../report/report-types';
import { joinSql, sql, type SqlQuery } from '../../sql/sql';
import type { Filters } from '../filters';
import type { QuestionRatings } from './agreement-report';
import { contingencyTable } from './cohen-kappa';
import { orderCategories, patternsFromValueLists } from './rating-patterns';
import { ratedValues } from './rated-values';

type PatternRow = {
  batch_id: string;
  strategy: string;
  question: string;
  pattern: string[];
  items: number;
  annotators: number;
};

type QuestionRow = {
  batch_id: string;
  strategy: string;
  question: string;
  value_kind: string;
  level: string;
  categories: string[] | null;
};

/** One question's metadata from the `questions` table. */
export type QuestionInfo = QuestionRow;

/** The questions (any value kind) that have at least one filtered judgement, keyed by `questionKey`. */
export async function loadQuestionInfo(db: Connector, selection: SqlQuery): Promise<Map<string, QuestionInfo>> {
  const rows = await db.query<QuestionRow>(sql`SELECT q.batch_id, q.strategy, q.question, q.value_kind, q.level, q.categories
    FROM questions q
    WHERE EXISTS (SELECT 1 FROM ${selection} j WHERE j.batch_id = q.batch_id AND j.strategy = q.strategy AND j.question = q.question)`);
  return new Map(rows.map((r) => [questionKey(r), r]));
}

/**
 * Pulls the shared aggregates of every question in one GROUP BY pass over the filtered
 * judgements: per item, the sorted list of its ratings; then the distinct lists with their
 * item counts, and the number of annotators. Then one more query builds the two-rater
 * contingency tables of the questions answered by exactly two annotators.
 * `extra` restricts the judgements (a condition over `j` and `q`).
 */
export async function loadQuestionRatings(
  db: Connector,
  filters: Filters,
  info: Map<string, QuestionInfo>,
  extra: SqlQuery = sql`true`,
): Promise<Map<string, QuestionRatings>> {
  const rows = await db.query<PatternRow>(sql`WITH r AS MATERIALIZED ${ratedValues(filters, extra)},
    a AS (SELECT batch_id, strategy, question, count(DISTINCT annotator_id)::INTEGER AS annotators FROM r GROUP BY ALL),
    i AS (SELECT batch_id, strategy, question, list(value ORDER BY value) AS pattern FROM r
          GROUP BY batch_id, strategy, question, item_id)
    SELECT i.batch_id, i.strategy, i.question, i.pattern, count(*)::INTEGER AS items, any_value(a.annotators) AS annotators
    FROM i JOIN a USING (batch_id, strategy, question)
    GROUP BY i.batch_id, i.strategy, i.question, i.pattern`);
  const grouped = new Map<string, PatternRow[]>();
  for (const row of rows) {
    const key = questionKey(row);
    if (!grouped.has(key)) grouped.set(key, []);
    grouped.get(key)!.push(row);
  }
  const result = new Map<string, QuestionRatings>();
  for (const [key, list] of grouped) {
    const meta = info.get(key);
    if (!meta) continue;
    const categories = orderCategories(
      list.flatMap((r) => r.pattern),
      meta.value_kind,
      meta.categories,
    );
    result.set(key, {
      batch_id: meta.batch_id,
      strategy: meta.strategy,
      question: meta.question,
      value_kind: meta.value_kind,
      level: meta.level as Level,
      annotators: list[0].annotators,
      categories,
      patterns: patternsFromValueLists(
        list.map((r) => ({ values: r.pattern, items: r.items })),
        categories,
      ),
      pair: null,
    });
  }
  await attachPairTables(db, filters, result, extra);
  return result;
}

async function attachPairTables(db: Connector, filters: Filters, questions: Map<string, QuestionRatings>, extra: SqlQuery) {
  const pairs = [...questions.values()].filter((q) => q.annotators === 2);
  if (pairs.length === 0) return;
  const which = joinSql(
    pairs.map((q) => sql`(j.batch_id = ${q.batch_id} AND j.strategy = ${q.strategy} AND j.question = ${q.question})`),
    ' OR ',
  );
  const cells = await db.query<{
    batch_id: string;
    strategy: string;
    question: string;
    first: string;
    second: string;
    items: number;
  }>(
    sql`SELECT batch_id, strategy, question, first, second, count(*)::INTEGER AS items
      FROM (SELECT batch_id, strategy, question, item_id, arg_min(value, annotator_id) AS first,
              arg_max(value, annotator_id) AS second, count(*) AS raters
            FROM ${ratedValues(filters, sql`(${extra}) AND (${which})`)}
            GROUP BY batch_id, strategy, question, item_id)
      WHERE raters = 2 GROUP BY ALL`,
  );
  const byQuestion = new Map<string, [number, number, number][]>();
  for (const cell of cells) {
    const q = questions.get(questionKey(cell))!;
    const index = new Map(q.categories.map((c, i) => [c.value, i] as const));
    const key = questionKey(cell);
    if (!byQuestion.has(key)) byQuestion.set(key, []);
    byQuestion.get(key)!.push([index.get(cell.first)!, index.get(cell.second)!, cell.items]);
  }
  for (const q of pairs) q.pair = contingencyTable(q.categories.length, byQuestion.get(questionKey(q)) ?? []);
}
