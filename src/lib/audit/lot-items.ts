import type { Connector } from '../db/connector';
import { filterCondition, type Filters } from '../metrics/filters';
import { joinSql, sql, type SqlQuery } from '../sql/sql';

/** The distinct item ids of the delivered lot (the filtered judgements), sorted (DuckDB byte order; `drawSample` re-sorts by code unit itself). */
export async function lotItemIds(db: Connector, filters: Filters = {}): Promise<string[]> {
  const rows = await db.query<{ item_id: string }>(
    sql`SELECT DISTINCT j.item_id FROM judgements j WHERE ${filterCondition(filters)} ORDER BY j.item_id`,
  );
  return rows.map((r) => r.item_id);
}

/** What the review says about one sampled item. */
export interface ReviewOutcome {
  item_id: string;
  /** The review file has an answer for this item. */
  reviewed: boolean;
  /** Delivered judgements compared with the review (text answers are not scored). */
  checked: number;
  /** Delivered judgements that differ from the review. */
  wrong: number;
  /** At least one delivered answer differs from the review. */
  defective: boolean;
}

function idsTable(ids: readonly string[]): SqlQuery {
  return ids.length === 0
    ? sql`(SELECT NULL::VARCHAR AS item_id, 0 AS draw_order WHERE false)`
    : sql`(SELECT * FROM (VALUES ${joinSql(ids.map((id, i) => sql`(${id}, ${i + 1})`))}) AS t(item_id, draw_order))`;
}

/**
 * For each sampled item: is it reviewed, and does any delivered answer differ from the review?
 * The review is a gold file (`reviewSourceId` restricts to that file's rows; without it every
 * gold row counts). Matching and comparison follow `judgement_gold` (src/lib/db/gold-join.ts):
 * wildcard batch/question, specific gold first, labels exact, numbers by value, preference
 * sides case-insensitive, boxes and text not scored here.
 */
export async function reviewOutcomes(
  db: Connector,
  sampleIds: readonly string[],
  options: { reviewSourceId?: number | null; filters?: Filters } = {},
): Promise<ReviewOutcome[]> {
  const source = options.reviewSourceId ?? null;
  const ids = idsTable(sampleIds);
  const rows = await db.query<ReviewOutcome & { draw_order: number } & Record<string, unknown>>(sql`
    WITH ids AS ${ids},
    review AS (
      SELECT g.* FROM gold g JOIN ids USING (item_id) WHERE (${source}::INTEGER IS NULL OR g.source_id = ${source}::INTEGER)
    ),
    compared AS (
      SELECT j.item_id,
        CASE WHEN j.value_kind = 'text' THEN NULL
             WHEN j.value_kind = 'number' THEN j.score = r.score
             WHEN j.value_kind = 'preference' THEN upper(j.label) = upper(r.label)
             ELSE j.label = r.label END AS is_correct
      FROM judgements j
      JOIN review r ON r.item_id = j.item_id
        AND (r.batch_id = j.batch_id OR r.batch_id = '*') AND (r.question = j.question OR r.question = '*')
      WHERE j.x IS NULL AND r.x IS NULL AND ${filterCondition(options.filters ?? {})}
      QUALIFY row_number() OVER (PARTITION BY j.source_id, j.source_row ORDER BY r.batch_id = '*', r.question = '*') = 1
    )
    SELECT ids.item_id, ids.draw_order,
      EXISTS (SELECT 1 FROM review r WHERE r.item_id = ids.item_id) AS reviewed,
      count(c.is_correct)::DOUBLE AS checked,
      count(*) FILTER (WHERE c.is_correct = false)::DOUBLE AS wrong
    FROM ids LEFT JOIN compared c USING (item_id)
    GROUP BY ids.item_id, ids.draw_order
    ORDER BY ids.draw_order`);
  return rows.map(({ item_id, reviewed, checked, wrong }) => ({
    item_id,
    reviewed: Boolean(reviewed),
    checked,
    wrong,
    defective: wrong > 0,
  }));
}
