import type { Connector } from '../../db/connector';
import { questionKey } from '../../report/report-types';
import { sql, type SqlQuery } from '../../sql/sql';
import { ANSWER_CODE, scoredJudgements, type QuestionRef } from '../accuracy/scored-judgements';
import { filterCondition, filteredJudgements, type Filters } from '../filters';

/** A question and whether its answers can be aggregated into one label per item. */
export interface AggregableQuestion extends QuestionRef {
  key: string;
  value_kind: string | null;
  level: string | null;
  aggregable: boolean;
  /** why it cannot be aggregated (empty when it can) */
  reason: string;
}

/**
 * The questions of the filtered judgements, each marked aggregable or not: categories,
 * preferences and nominal/ordinal numbers are voted on as classes; interval/ratio numbers,
 * free text and boxes are not (a vote over exact values or strings is not meaningful).
 */
export async function aggregableQuestions(db: Connector, filters: Filters): Promise<AggregableQuestion[]> {
  const rows = await db.query<QuestionRef & { value_kind: string | null; level: string | null }>(
    sql`SELECT j.batch_id, j.strategy, j.question, any_value(j.value_kind) AS value_kind, any_value(q.level) AS level
      FROM ${filteredJudgements(filters)} j LEFT JOIN questions q USING (batch_id, strategy, question)
      GROUP BY ALL ORDER BY ALL`,
  );
  return rows.map((r) => {
    let reason = '';
    if (r.value_kind === 'box') reason = 'boxes are aggregated by IoU matching, not by vote';
    else if (r.value_kind === 'text') reason = 'free text cannot be aggregated by vote';
    else if (r.value_kind === 'number' && r.level !== 'nominal' && r.level !== 'ordinal') {
      reason = `a vote over exact values of ${r.level ?? 'numeric'} data is not meaningful (use the mean or median)`;
    } else if (r.value_kind === null) reason = 'the kind of answer is unknown (refresh the questions)';
    return { ...r, key: questionKey(r), aggregable: reason === '', reason };
  });
}

/**
 * The filtered non-box judgements with an answer, keyed by their integer numbers
 * (question_no, item_no, annotator_no: `integer-keys.ts`), with `code` = the answer as a class
 * code (`ANSWER_CODE`: numbers by value, preferences upper-cased). Usable after FROM.
 */
export function codedJudgements(filters: Filters, extra: SqlQuery = sql`true`): SqlQuery {
  return sql`(SELECT * FROM (SELECT j.question_no, j.item_no, j.annotator_no, ${ANSWER_CODE} AS code
    FROM judgements j WHERE ${filterCondition(filters)} AND ${extra} AND j.x IS NULL) WHERE code IS NOT NULL)`;
}

/** One gold class code per (question_no, item_no) among the filtered judgements that have gold. Usable after FROM. */
export function goldItems(filters: Filters, extra: SqlQuery = sql`true`, source?: SqlQuery): SqlQuery {
  return sql`(SELECT question_no, item_no, any_value(gold_code) AS gold_code
    FROM ${scoredJudgements(filters, extra, source)} GROUP BY question_no, item_no)`;
}
