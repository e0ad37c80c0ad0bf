import type { Connector } from '../db/connector';
import { judgementKey } from '../db/gold-join';
import { filterCondition, type Filters } from '../metrics/filters';
import { joinSql, raw, sql, type SqlQuery } from '../sql/sql';
import { compareCodeUnits, samplePositions } from './draw-sample';

/** The delivered lot: the distinct item ids of the filtered judgements, in code-unit order. */
export interface Lot {
  size: number;
  /** The ids at these positions (0-based, in code-unit order), in the order asked. */
  idsAt(positions: readonly number[]): Promise<string[]>;
}

/** Lots up to this many items are read whole, once: any seed then draws from them without another query. */
const READ_WHOLE_UP_TO = 20_000;

/**
 * The lot of the filtered judgements, counted in DuckDB. A large lot is not read: only the
 * ids a sample asks for are (a lot of 200,000 items no longer travels to the page to draw 315
 * of them). DuckDB sorts text by UTF-8 bytes, which is code-unit (UTF-16) order when no id has
 * a character beyond U+FFFF; when one has, the ids are read and sorted here
 * (`compareCodeUnits`), so the same seed always draws the same items. A small lot is read
 * whole (one read whatever the seed: the build's snapshot of the sample answers it).
 */
export async function deliveredLot(db: Connector, filters: Filters = {}, readWholeUpTo = READ_WHOLE_UP_TO): Promise<Lot> {
  const distinct = sql`(SELECT DISTINCT j.item_id FROM judgements j WHERE ${filterCondition(filters)})`;
  const [{ size, astral }] = await db.query<{ size: number; astral: number }>(
    sql`SELECT count(*)::BIGINT AS size, count(*) FILTER (WHERE regexp_matches(item_id, '[\\x{10000}-\\x{10FFFF}]'))::BIGINT AS astral
      FROM ${distinct}`,
  );
  if (astral > 0 || size <= readWholeUpTo) {
    const rows = await db.query<{ item_id: string }>(sql`SELECT item_id FROM ${distinct}`);
    const sorted = rows.map((r) => r.item_id).sort(compareCodeUnits);
    return { size, idsAt: async (positions) => positions.map((position) => sorted[position]) };
  }
  return {
    size,
    async idsAt(positions) {
      if (positions.length === 0) return [];
      const wanted = raw(`[${positions.map((p) => Math.trunc(p)).join(', ')}]::BIGINT[]`);
      const rows = await db.query<{ item_id: string; position: number }>(
        sql`SELECT item_id, position FROM (SELECT item_id, row_number() OVER (ORDER BY item_id)::BIGINT - 1 AS position FROM ${distinct})
          WHERE list_contains(${wanted}, position)`,
      );
      const byPosition = new Map(rows.map((r) => [r.position, r.item_id]));
      return positions.map((position) => byPosition.get(position)!);
    },
  };
}

/**
 * A simple random sample of `n` items of the lot, reproducible from `seed`: the items
 * `drawSample` would draw from the lot's ids (`samplePositions`), in draw order.
 */
export function drawLotSample(lot: Lot, n: number, seed: number): Promise<string[]> {
  return lot.idsAt(samplePositions(lot.size, n, seed));
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
      QUALIFY row_number() OVER (PARTITION BY ${raw(judgementKey('j'))} ORDER BY r.batch_id = '*', r.question = '*') = 1
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
