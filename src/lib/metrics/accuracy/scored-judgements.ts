import { raw, sql, type SqlQuery } from '../../sql/sql';
import { filterCondition, type Filters } from '../filters';

/** A question's identity: the fields `questionKey()` is built from. */
export type QuestionRef = {
  batch_id: string;
  strategy: string;
  question: string;
};

/** Canonical text of a number: whole numbers without ".0", so "1" and "1.0" are one class. */
function numberCode(column: string): string {
  return `CASE WHEN ${column} = round(${column}) AND abs(${column}) < 1e15 THEN CAST(CAST(${column} AS BIGINT) AS VARCHAR) ELSE CAST(${column} AS VARCHAR) END`;
}

/**
 * The answer as a class code, compared the way `judgement_gold.is_correct` compares it
 * (src/lib/db/gold-join.ts): numbers by value, preferences case-insensitively, labels exactly.
 */
export const ANSWER_CODE = raw(
  `CASE WHEN j.value_kind = 'number' THEN ${numberCode('j.score')} WHEN j.value_kind = 'preference' THEN upper(j.label) ELSE j.label END`,
);

/** The gold answer as a class code (same rules as `ANSWER_CODE`); only on `judgement_gold`. */
export const GOLD_CODE = raw(
  `CASE WHEN j.value_kind = 'number' THEN ${numberCode('j.gold_score')} WHEN j.value_kind = 'preference' THEN upper(j.gold_label) ELSE j.gold_label END`,
);

/** Sort order of class codes: numerically when they are numbers, then as text ("lowest code" first). */
export function codeOrder(column: string): SqlQuery {
  return raw(`TRY_CAST(${column} AS DOUBLE) NULLS LAST, ${column}`);
}

/**
 * An aggregate: the group's lowest code in `codeOrder`, the minimum of (not a number, number,
 * code) — the same order, and one pass, where sorting a list of the group's codes cost more
 * than the rest of the majority vote.
 */
export function lowestInCodeOrder(column: string): SqlQuery {
  return raw(`arg_min(${column}, {'text': TRY_CAST(${column} AS DOUBLE) IS NULL,
    'number': coalesce(TRY_CAST(${column} AS DOUBLE), 0), 'code': ${column}})`);
}

/** `j.batch_id = ? AND j.strategy = ? AND j.question = ?` for one question. */
export function questionCondition(key: QuestionRef): SqlQuery {
  return sql`j.batch_id = ${key.batch_id} AND j.strategy = ${key.strategy} AND j.question = ${key.question}`;
}

/**
 * The filtered judgements that have a scorable gold answer (`judgement_gold` with
 * `is_correct` not null: no boxes, no free text), with `answer_code` and `gold_code`.
 * Usable after FROM. `extra` narrows further (e.g. `questionCondition`). `source` is the view
 * or its table (`goldJudgements`), which is faster to read many times.
 */
export function scoredJudgements(
  filters: Filters = {},
  extra: SqlQuery = sql`true`,
  source: SqlQuery = raw('judgement_gold'),
): SqlQuery {
  return sql`(SELECT j.*, ${ANSWER_CODE} AS answer_code, ${GOLD_CODE} AS gold_code
    FROM ${source} j WHERE ${filterCondition(filters)} AND ${extra} AND j.is_correct IS NOT NULL)`;
}
