import type { Connector } from '../../db/connector';
import { sql, type SqlQuery } from '../../sql/sql';
import { filteredJudgements, type Filters } from '../filters';
import { boxIouSql } from './box-iou';

/** Group key of one image in one box question. */
export type ImageKey = { batch_id: string; strategy: string; question: string; item_id: string };

/** Boxes per image, class and annotator (annotator_id null = the gold boxes). */
export type BoxCount = ImageKey & { annotator_id: string | null; class: string; boxes: number };
/** An overlapping pair of same-class boxes: box `i1` of `annotator_1` and box `i2` of `annotator_2` (null = gold). */
export type BoxEdge = ImageKey & {
  annotator_1: string;
  annotator_2: string | null;
  class: string;
  i1: number;
  i2: number;
  iou: number;
};
/** Which annotators answered which image (an annotator with no box on an image still covers it). */
export type Coverage = ImageKey & { annotator_id: string };

/**
 * The CTEs shared by the box queries: `boxes` (every valid box of the filtered judgements,
 * class = label or '' when none, numbered within image × annotator × class) and `gold_boxes`
 * (the gold boxes of those images: the most specific gold wins — a gold row for this batch and
 * question over a wildcard '*' one — numbered the same way).
 */
function boxCtes(filters: Filters): SqlQuery {
  return sql`boxes AS (
      SELECT batch_id, strategy, question, item_id, annotator_id, coalesce(label, '') AS class, x, y, w, h,
        (row_number() OVER (PARTITION BY batch_id, strategy, question, item_id, annotator_id, coalesce(label, '') ORDER BY source_id, source_row) - 1)::INTEGER AS idx
      FROM ${filteredJudgements(filters)} j
      WHERE value_kind = 'box' AND x IS NOT NULL AND y IS NOT NULL AND w > 0 AND h > 0),
    images AS (SELECT DISTINCT batch_id, strategy, question, item_id FROM ${filteredJudgements(filters)} j WHERE value_kind = 'box'),
    gold_for AS (
      SELECT i.batch_id, i.strategy, i.question, i.item_id, coalesce(g.label, '') AS class, g.x, g.y, g.w, g.h,
        (g.batch_id = '*')::INTEGER * 2 + (g.question = '*')::INTEGER AS generality
      FROM images i JOIN gold g ON g.item_id = i.item_id AND (g.batch_id = i.batch_id OR g.batch_id = '*') AND (g.question = i.question OR g.question = '*')
      WHERE g.x IS NOT NULL AND g.y IS NOT NULL AND g.w > 0 AND g.h > 0
      QUALIFY generality = min(generality) OVER (PARTITION BY i.batch_id, i.strategy, i.question, i.item_id)),
    gold_boxes AS (
      SELECT *, (row_number() OVER (PARTITION BY batch_id, strategy, question, item_id, class ORDER BY x, y, w, h) - 1)::INTEGER AS idx FROM gold_for)`;
}

/** Box counts per image × class × annotator, and per image × class for gold (annotator_id null). */
export async function boxCounts(db: Connector, filters: Filters): Promise<BoxCount[]> {
  return db.query<BoxCount>(sql`WITH ${boxCtes(filters)}
    SELECT batch_id, strategy, question, item_id, annotator_id, class, count(*)::INTEGER AS boxes FROM boxes GROUP BY ALL
    UNION ALL
    SELECT batch_id, strategy, question, item_id, NULL, class, count(*)::INTEGER FROM gold_boxes GROUP BY ALL`);
}

/** Annotators per image of each box question (from every judgement row of the question, boxes or not). */
export async function boxCoverage(db: Connector, filters: Filters): Promise<Coverage[]> {
  return db.query<Coverage>(sql`SELECT DISTINCT batch_id, strategy, question, item_id, annotator_id
    FROM ${filteredJudgements(filters)} j WHERE value_kind = 'box'`);
}

/**
 * Every overlapping (IoU > 0) pair of same-class boxes on an image: between two annotators
 * (annotator_1 < annotator_2) and between an annotator and gold (annotator_2 null). IoU in SQL.
 */
export async function boxEdges(db: Connector, filters: Filters): Promise<BoxEdge[]> {
  return db.query<BoxEdge>(sql`WITH ${boxCtes(filters)},
    pairs AS (SELECT a.batch_id, a.strategy, a.question, a.item_id, a.annotator_id AS annotator_1, b.annotator_id AS annotator_2,
        a.class, a.idx AS i1, b.idx AS i2, ${boxIouSql('a', 'b')} AS iou
      FROM boxes a JOIN boxes b ON a.batch_id = b.batch_id AND a.strategy = b.strategy AND a.question = b.question
        AND a.item_id = b.item_id AND a.class = b.class AND a.annotator_id < b.annotator_id),
    vs_gold AS (SELECT a.batch_id, a.strategy, a.question, a.item_id, a.annotator_id AS annotator_1, NULL::VARCHAR AS annotator_2,
        a.class, a.idx AS i1, b.idx AS i2, ${boxIouSql('a', 'b')} AS iou
      FROM boxes a JOIN gold_boxes b ON a.batch_id = b.batch_id AND a.strategy = b.strategy AND a.question = b.question
        AND a.item_id = b.item_id AND a.class = b.class)
    SELECT * FROM pairs WHERE iou > 0 UNION ALL SELECT * FROM vs_gold WHERE iou > 0`);
}
