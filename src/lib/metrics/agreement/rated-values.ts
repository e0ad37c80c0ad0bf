import { filteredJudgements, type Filters } from '../filters';
import { sql, type SqlQuery } from '../../sql/sql';

/** Value kinds whose answers are compared by chance-corrected agreement here; text and boxes have their own metrics. */
export const AGREEMENT_KINDS = ['category', 'number', 'preference'] as const;

/**
 * The ratings agreement is computed on, as a FROM-able subquery with columns
 * (batch_id, strategy, question, item_id, annotator_id, value): one rating per annotator and
 * item — when an annotator answered an item twice, the last answer counts (latest
 * submitted_at, then the latest source row). `value` is the label for categories and
 * preferences, and the score as text for `number` questions (so "4" and "4.0" agree, both shown as "4").
 * Null answers are not ratings (missing data, Krippendorff 2011). `extra` is an optional
 * condition on `j` (judgements) and `q` (questions).
 */
export function ratedValues(filters: Filters = {}, extra: SqlQuery = sql`true`): SqlQuery {
  return sql`(SELECT batch_id, strategy, question, item_id, annotator_id, arg_max(value, recency) AS value
    FROM (SELECT j.batch_id, j.strategy, j.question, j.item_id, j.annotator_id,
            CASE WHEN q.value_kind <> 'number' THEN j.label
              WHEN j.score = round(j.score) AND abs(j.score) < 1e15 THEN CAST(CAST(j.score AS BIGINT) AS VARCHAR)
              ELSE CAST(j.score AS VARCHAR) END AS value,
            (coalesce(epoch_ms(j.submitted_at), -9e15), j.source_id, j.source_row) AS recency
          FROM ${filteredJudgements(filters)} j
          JOIN questions q ON q.batch_id = j.batch_id AND q.strategy = j.strategy AND q.question = j.question
          WHERE q.value_kind IN ('category', 'number', 'preference') AND (${extra}))
    WHERE value IS NOT NULL
    GROUP BY batch_id, strategy, question, item_id, annotator_id)`;
}

/** A condition selecting one question (over `j`), for drill-down queries. */
export function oneQuestion(key: { batch_id: string; strategy: string; question: string }): SqlQuery {
  return sql`j.batch_id = ${key.batch_id} AND j.strategy = ${key.strategy} AND j.question = ${key.question}`;
}
