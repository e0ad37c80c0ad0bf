import type { Connector } from '../db/connector';
import { LEVELS, type Level } from '../db/schema';
import { sql } from '../sql/sql';

/** The user's level choices: question name → level (applies to that question in every batch). */
export type LevelOverrides = Record<string, Level>;

/**
 * Rebuilds the `questions` table from `judgements` and fills in each judgement's value_kind.
 *
 * Inference, per (batch, strategy, question), unless the export stated value_kind:
 * boxes (x present) → `box`, nominal on the class; every answer a number → `number`,
 * ordinal when ≤ 10 distinct whole numbers (a rating scale), else interval; A/B/tie answers
 * in an RLHF batch or with option columns → `preference`, nominal; long or mostly-unique
 * strings → `text`; anything else → `category`, nominal. A user's level overrides the guess
 * (`level_source` says which).
 */
export async function refreshQuestions(db: Connector, overrides: LevelOverrides = {}): Promise<void> {
  for (const [question, level] of Object.entries(overrides)) {
    if (!LEVELS.includes(level)) throw new Error(`level for "${question}" must be one of ${LEVELS.join(', ')} (got "${level}")`);
  }
  await db.exec(`
    CREATE OR REPLACE TEMP TABLE question_facts AS
    SELECT batch_id, strategy, question,
      any_value(value_kind) FILTER (WHERE value_kind IS NOT NULL) AS stated_kind,
      count(x) > 0 AS has_boxes,
      count(label) AS answers,
      count(score) AS numeric_answers,
      count(DISTINCT label) AS distinct_answers,
      bool_and(score = round(score)) FILTER (WHERE score IS NOT NULL) AS whole_numbers,
      count(DISTINCT score) AS distinct_numbers,
      bool_and(upper(label) IN ('A', 'B', 'TIE')) FILTER (WHERE label IS NOT NULL) AS ab_tie,
      count(option_a) > 0 AS has_options,
      avg(length(label)) AS mean_length
    FROM judgements GROUP BY ALL;
    CREATE OR REPLACE TEMP TABLE question_kinds AS
    SELECT *, CASE
        WHEN stated_kind IS NOT NULL THEN stated_kind
        WHEN has_boxes THEN 'box'
        WHEN answers > 0 AND numeric_answers = answers THEN 'number'
        WHEN ab_tie AND (strategy = 'rlhf_preference' OR has_options) THEN 'preference'
        WHEN answers = 0 OR mean_length > 40 OR (distinct_answers > 20 AND distinct_answers > 0.5 * answers) THEN 'text'
        ELSE 'category' END AS kind
    FROM question_facts;
    DELETE FROM questions;
    INSERT INTO questions
    SELECT batch_id, strategy, question, kind,
      CASE WHEN kind = 'number' AND whole_numbers AND distinct_numbers <= 10 THEN 'ordinal'
           WHEN kind = 'number' THEN 'interval' ELSE 'nominal' END,
      'inferred',
      CASE WHEN kind = 'text' THEN NULL ELSE (
        SELECT list(label ORDER BY TRY_CAST(label AS DOUBLE) NULLS LAST, label)
        FROM (SELECT DISTINCT j.label FROM judgements j
              WHERE j.batch_id = k.batch_id AND j.strategy = k.strategy AND j.question = k.question AND j.label IS NOT NULL)
      ) END
    FROM question_kinds k;
    UPDATE judgements SET value_kind = q.value_kind FROM questions q
    WHERE judgements.value_kind IS NULL AND judgements.batch_id = q.batch_id
      AND judgements.strategy = q.strategy AND judgements.question = q.question;
    UPDATE judgements SET text = label WHERE value_kind = 'text' AND text IS NULL;
    DROP TABLE question_facts; DROP TABLE question_kinds;
  `);
  for (const [question, level] of Object.entries(overrides)) {
    await db.query(sql`UPDATE questions SET level = ${level}, level_source = 'user' WHERE question = ${question}`);
  }
}
