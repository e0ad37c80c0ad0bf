import { raw, sql, type SqlQuery } from '../sql/sql';
import type { Connector } from './connector';
import { derivedTable } from './derived-table';

/**
 * What identifies one non-box judgement. A record of a JSON export holds several (a Label
 * Studio task's annotations by several annotators, on several questions), so its source row
 * alone does not; within a file an annotator answers a (batch, item, question) once (ingest
 * rejects a repeat). Joining gold back on the source row alone gave a task's gold to one of
 * its annotators only.
 */
const JUDGEMENT_KEY = ['source_id', 'source_row', 'item_no', 'question_no', 'annotator_no'];

/** The judgement's identity as a column list (`alias.source_id, …`), e.g. for PARTITION BY. */
export function judgementKey(alias: string): string {
  return JUDGEMENT_KEY.map((k) => `${alias}.${k}`).join(', ');
}

/** `a.k = b.k AND …` over the judgement's identity, for the aliases `a` and `b`. */
export function sameJudgement(a: string, b: string): SqlQuery {
  return raw(JUDGEMENT_KEY.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND '));
}

/**
 * The gold convention. A gold row whose file named no batch or question has `batch_id` /
 * `question` = '*' and applies to every batch / question of that item; a specific gold row
 * wins over a wildcard one. Boxes are matched geometrically elsewhere (not here).
 *
 * `judgement_gold` pairs each non-box judgement with its gold answer and says whether it
 * is correct (several gold files agreeing on a key: the newest wins): labels compare exactly (after trimming at ingest); numbers compare by value
 * (so "1" and "1.0" agree); text is not scored here (see the text similarity metrics).
 */
export const GOLD_VIEW = `
CREATE OR REPLACE VIEW judgement_gold AS
SELECT j.*, g.label AS gold_label, g.score AS gold_score, g.text AS gold_text,
  CASE WHEN j.value_kind = 'text' THEN NULL
       WHEN j.value_kind = 'number' THEN j.score = g.score
       WHEN j.value_kind = 'preference' THEN upper(j.label) = upper(g.label)
       ELSE j.label = g.label END AS is_correct
FROM judgements j
JOIN gold g ON g.item_id = j.item_id
  AND (g.batch_id = j.batch_id OR g.batch_id = '*')
  AND (g.question = j.question OR g.question = '*')
WHERE j.x IS NULL AND g.x IS NULL
QUALIFY row_number() OVER (PARTITION BY ${judgementKey('j')}
  ORDER BY g.batch_id = '*', g.question = '*', g.source_id DESC, g.source_row DESC) = 1;
`;

/**
 * `judgement_gold` as a table built once per state of the data (`derivedTable`): the view joins
 * every judgement to the gold on each read (≈0.4 s at 1M judgements on duckdb-wasm), the table
 * holds only the judgements that have gold. Returns its name, usable after FROM (alias it `j`).
 */
export function goldJudgements(db: Connector): Promise<SqlQuery> {
  return derivedTable(db, 'judgement_gold', sql`SELECT * FROM judgement_gold`);
}

/**
 * `LEFT JOIN` clause giving the judgements aliased `j` their gold (columns gold_label,
 * gold_score, gold_text, is_correct of alias `g`; NULL without gold), joined on the row's
 * identity to the table of `goldJudgements`: an equi-join, where a LEFT JOIN straight on `gold`
 * with the wildcard ORs would be a nested-loop join (seconds at 1M judgements).
 */
export async function leftJoinGold(db: Connector): Promise<SqlQuery> {
  return sql`LEFT JOIN (SELECT ${raw(judgementKey('x'))}, gold_label, gold_score, gold_text, is_correct FROM ${await goldJudgements(db)} x) g
    ON ${sameJudgement('g', 'j')}`;
}
