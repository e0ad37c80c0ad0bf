import type { Connector } from '../db/connector';
import { ident, sql, type SqlQuery } from '../sql/sql';
import type { ColumnMapping, MappableField } from './column-mapping';
import { parsedRows } from './parsed-rows';
import { validationReasons } from './row-validation';

/** The wildcard batch/question of gold rows whose file names none: they apply to every batch/question. */
export const ANY = '*';

/** A gold column beside the answers: one gold value per (batch, item, question); conflicting values are dropped with a warning. */
export async function insertGoldColumn(db: Connector, sourceId: number, checked: SqlQuery): Promise<void> {
  // Grouped once into a small table (one row per key with gold), read by both inserts.
  const keyed = ident(`gold_keys_${sourceId}`);
  await db.query(sql`CREATE TEMP TABLE ${keyed} AS SELECT batch_id, item_id, question, min(source_row) AS source_row,
      count(DISTINCT gold) AS values, any_value(gold) AS gold, string_agg(DISTINCT gold, ' / ') AS seen
    FROM ${checked} WHERE gold IS NOT NULL AND x IS NULL GROUP BY ALL`);
  await db.query(sql`INSERT INTO warnings SELECT ${sourceId}, source_row,
      'conflicting gold answers for item "' || item_id || '", question "' || question || '" (' || seen || '): no gold used for it'
    FROM ${keyed} WHERE values > 1`);
  await db.query(sql`INSERT INTO gold SELECT ${sourceId}, source_row, batch_id, item_id, question, gold, TRY_CAST(gold AS DOUBLE), NULL,
      NULL, NULL, NULL, NULL FROM ${keyed} WHERE values = 1`);
  await db.query(sql`DROP TABLE ${keyed}`);
}

/** A gold file (an answer key) read as a long table: its rows checked, conflicts rejected, exact repeats kept once. */
export async function insertGold(db: Connector, sourceId: number, rows: SqlQuery, mapping: ColumnMapping): Promise<number> {
  const { from, refs } = parsedRows(mapping, rows);
  const { value: f, number: n } = refs;
  const valueField: MappableField = mapping.gold ? 'gold' : 'answer';
  const checked = ident(`checked_${sourceId}`);
  await db.query(sql`CREATE TABLE ${checked} AS SELECT source_row, ${validationReasons(mapping, 'gold', refs)} AS reason,
      coalesce(${f('batch_id')}, ${ANY}) AS batch_id, ${f('item_id')} AS item_id, coalesce(${f('question')}, ${ANY}) AS question,
      ${f(valueField)} AS label, ${n(valueField)} AS score, ${f('text')} AS text,
      ${n('x')} AS x, ${n('y')} AS y, ${n('w')} AS w, ${n('h')} AS h
    FROM ${from}`);
  await db.query(
    sql`INSERT INTO rejections SELECT ${sourceId}, source_row, NULL, reason, NULL FROM ${checked} WHERE reason IS NOT NULL`,
  );
  await db.query(sql`DELETE FROM ${checked} WHERE reason IS NOT NULL`);
  // Two different gold answers for one key (boxes excepted) cannot both be right: reject the later rows.
  await db.query(sql`INSERT INTO rejections SELECT ${sourceId}, source_row, NULL,
      'conflicting gold: item "' || item_id || '", question "' || question || '" already has gold "' || first_label || '" (row ' || first_row || ')', NULL
    FROM (SELECT *, first_value(label) OVER w AS first_label, first_value(source_row) OVER w AS first_row, row_number() OVER w AS n
          FROM ${checked} WHERE x IS NULL WINDOW w AS (PARTITION BY batch_id, item_id, question ORDER BY source_row))
    WHERE n > 1 AND label IS DISTINCT FROM first_label`);
  await db.query(
    sql`DELETE FROM ${checked} WHERE source_row IN (SELECT source_row FROM rejections WHERE source_id = ${sourceId})`,
  );
  // An exact repeat of the same gold answer is harmless: keep one, count the rest as loaded.
  await db.query(sql`INSERT INTO gold SELECT ${sourceId}, source_row, batch_id, item_id, question, label, score, text, x, y, w, h
    FROM ${checked} QUALIFY x IS NOT NULL OR row_number() OVER (PARTITION BY batch_id, item_id, question ORDER BY source_row) = 1`);
  const [{ loaded }] = await db.query<{ loaded: number }>(sql`SELECT count(*)::BIGINT AS loaded FROM ${checked}`);
  await db.query(sql`DROP TABLE ${checked}`);
  return loaded;
}
