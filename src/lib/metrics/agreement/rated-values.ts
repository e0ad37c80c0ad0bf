import { filteredJudgements, type Filters } from '../filters';
import { joinSql, sql, type SqlQuery } from '../../sql/sql';

/** Value kinds whose answers are compared by chance-corrected agreement here; text and boxes have their own metrics. */
export const AGREEMENT_KINDS = ['category', 'number', 'preference'] as const;

/** SQL text of a number as a rating value: whole numbers without decimals ("4", not "4.0"). */
export function numberText(expr: SqlQuery): SqlQuery {
  return sql`CASE WHEN ${expr} = round(${expr}) AND abs(${expr}) < 1e15 THEN CAST(CAST(${expr} AS BIGINT) AS VARCHAR)
    ELSE CAST(${expr} AS VARCHAR) END`;
}

/**
 * A rating's value: the label for categories and preferences; for `number` questions the
 * score as text (`numberText`), so "4" and "4.0" are the same value, "4".
 */
const VALUE = sql`CASE WHEN q.value_kind <> 'number' THEN j.label ELSE ${numberText(sql`j.score`)} END`;

/**
 * The fast path's rating rows for questions of one kind, without the join to `questions`
 * (ids and integer keys): `raw` is the score (number questions) or the label (the others), non-null; repeated
 * answers are kept (the caller checks for them). `which` selects the questions (over `j`).
 */
export function rawRatingRows(filters: Filters, kind: 'number' | 'label', which: SqlQuery): SqlQuery {
  const column = kind === 'number' ? sql`j.score` : sql`j.label`;
  return sql`(SELECT j.batch_id, j.strategy, j.question, j.item_id, j.annotator_id, j.question_no, j.item_no, ${column} AS raw
    FROM ${filteredJudgements(filters)} j WHERE ${column} IS NOT NULL AND (${which}))`;
}

/** The questions agreement is computed on, by number: (question_no, value_kind). */
const AGREEMENT_QUESTIONS = sql`(SELECT k.question_no, q.value_kind FROM questions q
  JOIN question_keys k USING (batch_id, strategy, question)
  WHERE q.value_kind IN (${joinSql(AGREEMENT_KINDS.map((kind) => sql`${kind}`))}))`;

function joined(filters: Filters, extra: SqlQuery, columns: SqlQuery): SqlQuery {
  return sql`SELECT j.batch_id, j.strategy, j.question, j.item_id, j.annotator_id, j.question_no, j.item_no,
      j.annotator_no, ${VALUE} AS value${columns}
    FROM ${filteredJudgements(filters)} j JOIN ${AGREEMENT_QUESTIONS} q ON q.question_no = j.question_no
    WHERE ${extra}`;
}

/**
 * The ratings agreement is computed on: (batch_id, strategy, question, item_id, annotator_id,
 * the integer keys question_no, item_no, annotator_no, and value), one rating per annotator
 * and item — when an annotator answered an item twice, the last answer counts (latest
 * submitted_at, then the latest source row). Null answers are not ratings (missing data,
 * Krippendorff 2011). With `repeated` false the caller knows every annotator answered each
 * selected item at most once (`QuestionInfo.repeated`), so the rows are read without the GROUP BY.
 */
export function ratedValues(filters: Filters = {}, extra: SqlQuery = sql`true`, repeated = true): SqlQuery {
  if (!repeated) {
    return sql`(SELECT * FROM (${joined(filters, extra, sql``)}) WHERE value IS NOT NULL)`;
  }
  return sql`(SELECT any_value(batch_id) AS batch_id, any_value(strategy) AS strategy, any_value(question) AS question,
      any_value(item_id) AS item_id, any_value(annotator_id) AS annotator_id, question_no, item_no, annotator_no,
      arg_max(value, recency) AS value
    FROM (${joined(filters, extra, sql`, (coalesce(epoch_ms(j.submitted_at), -9e15), j.source_id, j.source_row) AS recency`)})
    WHERE value IS NOT NULL
    GROUP BY question_no, item_no, annotator_no)`;
}

/** A condition selecting one question (over `j`), for drill-down queries: an integer comparison per row. */
export function oneQuestion(key: { batch_id: string; strategy: string; question: string }): SqlQuery {
  return someQuestions([key]);
}

/** A condition selecting several questions (over `j`), by their numbers in `question_keys`. */
export function someQuestions(keys: readonly { batch_id: string; strategy: string; question: string }[]): SqlQuery {
  if (keys.length === 0) return sql`false`;
  const which = keys
    .map((k) => sql`(k.batch_id = ${k.batch_id} AND k.strategy = ${k.strategy} AND k.question = ${k.question})`)
    .reduce((a, b) => sql`${a} OR ${b}`);
  return sql`j.question_no IN (SELECT k.question_no FROM question_keys k WHERE ${which})`;
}
