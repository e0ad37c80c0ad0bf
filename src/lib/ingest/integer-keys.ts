import type { Connector } from '../db/connector';
import { raw, sql, type SqlQuery } from '../sql/sql';

/**
 * The dictionaries that number items, questions and annotators (tables `item_keys`,
 * `question_keys`, `annotator_keys`, DDL in schema.ts). Every judgement stores its three
 * numbers, so metrics group and join on integers instead of tuples of strings (a GROUP BY
 * over (batch, item, question, annotator) strings hashes and compares up to five strings per
 * row) and look the strings up in a small dictionary afterwards. A number is given when a key
 * is first loaded (new keys of one load numbered in their sort order, so that a load numbers
 * the same way every time) and never changes; numbers of removed sources stay unused.
 */
const DICTIONARIES = [
  { table: 'item_keys', key: ['batch_id', 'item_id'], no: 'item_no' },
  { table: 'question_keys', key: ['batch_id', 'strategy', 'question'], no: 'question_no' },
  { table: 'annotator_keys', key: ['annotator_id'], no: 'annotator_no' },
] as const;

/** Numbers the keys of `rows` (columns batch_id, strategy, item_id, question, annotator_id) that have none yet. */
export async function numberNewKeys(db: Connector, rows: SqlQuery): Promise<void> {
  for (const { table, key, no } of DICTIONARIES) {
    const columns = key.join(', ');
    await db.query(sql`INSERT INTO ${raw(table)} SELECT ${raw(columns)},
        (SELECT coalesce(max(${raw(no)}), 0) FROM ${raw(table)}) + row_number() OVER (ORDER BY ${raw(columns)})
      FROM (SELECT DISTINCT ${raw(columns)} FROM ${rows} EXCEPT SELECT ${raw(columns)} FROM ${raw(table)})`);
  }
}

/** The numbers of a row of `alias` (after `keyJoins`), in judgements' column order. */
export const KEY_COLUMNS = sql`k_item.item_no, k_question.question_no, k_annotator.annotator_no`;

/** Joins the dictionaries to rows of `alias`, for `KEY_COLUMNS`. */
export function keyJoins(alias: string): SqlQuery {
  const a = raw(alias);
  return sql`JOIN item_keys k_item ON k_item.batch_id = ${a}.batch_id AND k_item.item_id = ${a}.item_id
    JOIN question_keys k_question ON k_question.batch_id = ${a}.batch_id AND k_question.strategy = ${a}.strategy
      AND k_question.question = ${a}.question
    JOIN annotator_keys k_annotator ON k_annotator.annotator_id = ${a}.annotator_id`;
}
