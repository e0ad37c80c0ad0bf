import type { Connector } from '../../db/connector';
import { derivedTable } from '../../db/derived-table';
import { filterCondition, type Filters } from '../filters';
import { sql, type SqlQuery } from '../../sql/sql';

/** Options of the throughput and cost figures. */
export interface ThroughputOptions {
  /** A gap between two consecutive submissions of one annotator longer than this ends a session (default 30). */
  sessionGapMinutes?: number;
}

export const DEFAULT_SESSION_GAP_MINUTES = 30;

/**
 * The convention, shown in the UI's "how is this computed" note.
 *
 * An **assignment** is one annotator's answer to one unit, a unit being an (item, question)
 * pair of a batch. duration_s and cost_usd are per row (DESIGN.md: a box is a row), so an
 * assignment's are the sums over its rows (a box question's time split over its boxes adds
 * up); its submitted_at is the latest of its rows.
 *
 * **Sessions** (DESIGN.md "Throughput"): each annotator's assignments are ordered by
 * submitted_at (UTC) over *all* loaded judgements (filters then select rows, so switching
 * strategy within a session does not open a new one); a gap longer than the session gap
 * (default 30 min; exactly 30 min stays in the session) starts a new session.
 * **Active time** of an assignment is the gap since the annotator's previous submission when
 * it is inside a session; for the first assignment of a session it is its duration_s when
 * known, else 0 (counted in `sessions_without_duration`). An annotator's active hours are the
 * sum over their assignments: the sum of within-session gaps plus each session's first
 * duration. Assignments without submitted_at have no active time.
 */
export const SESSION_CONVENTION =
  "A session is a run of one annotator's submissions with no gap longer than the session gap (30 min by default). " +
  'Active time = the sum of the gaps between consecutive submissions inside each session, plus the duration_s of each ' +
  "session's first unit when the export has it (0 when it does not). Days are UTC calendar days of submitted_at.";

function gapSeconds(options: ThroughputOptions): number {
  const gap = (options.sessionGapMinutes ?? DEFAULT_SESSION_GAP_MINUTES) * 60;
  if (!(gap > 0)) throw new Error(`sessionGapMinutes must be a positive number of minutes (got ${options.sessionGapMinutes})`);
  return gap;
}

/**
 * Every assignment over *all* judgements (unfiltered), with its sessions, on integer keys
 * only: (annotator_no, question_no, item_no, judgements, submitted_at, duration_s, cost_usd,
 * prelabeled, questions_on_item, session_start, active_s, start_without_duration, and the
 * keys below). `questions_on_item` = how many questions this annotator answered on this item
 * (a rate card's per-item price is split equally over them). Session columns are NULL without
 * submitted_at. Ties in submitted_at are ordered by the first source row, then question and
 * item (one record of a JSON export can hold several assignments), so results are
 * reproducible. `timedAssignments` adds the names.
 *
 * Integer keys, so that distinct counts hash integers instead of tuples of strings:
 * `unit_no` per (batch, item, question) (`shared_unit` when its question is asked under two
 * strategies of the batch, so one annotator may have two assignments of the unit), `item_no`
 * per (batch, item), `annotator_no` per annotator (the judgements' own numbers,
 * `integer-keys.ts`), `day_no` = UTC days since 1970
 * of submitted_at (NULL without it), and `item_assignment_no` / `annotator_day_no`, exact
 * pairings of item × annotator and day × annotator (BIGINT: key << 32 + annotator_no). The
 * assignments are grouped, counted per item and ordered in time on these numbers (1M
 * judgements on duckdb-wasm: 3.0 → 2.2 s), and the table holds no strings: writing the names
 * into it took a quarter of the statement (10M natively: 16–18 → 12–13 s). The gaps between
 * submissions are computed on a narrow projection (keys, submitted_at, first row) and joined
 * back by the keys: sorting whole assignment rows in the window cost a third of the statement.
 *
 * An assignment is its one row when its question has no boxes and comes from one file: ingest
 * rejects a second answer by the same annotator to a (batch, item, question) within a file
 * (boxes excepted), so only box questions and questions loaded from several files are grouped
 * (10M judgements natively, the statement alone: 15–16 → 12–14 s).
 */
export function sessionisedAssignments(options: ThroughputOptions = {}): SqlQuery {
  const starts = sql`(gap_s IS NULL OR gap_s > ${gapSeconds(options)})`;
  const keys = sql`annotator_no, question_no, item_no`;
  return sql`(
    WITH one_row_questions AS MATERIALIZED (
      SELECT question_no FROM judgements GROUP BY question_no HAVING count(x) = 0 AND count(DISTINCT source_id) = 1),
    assignments AS MATERIALIZED (
      SELECT ${keys}, 1::BIGINT AS judgements, submitted_at, duration_s, cost_usd, prelabeled,
        (source_id::BIGINT << 40) + source_row AS first_row
      FROM judgements WHERE question_no IN (SELECT question_no FROM one_row_questions)
      UNION ALL
      SELECT ${keys}, count(*) AS judgements,
        max(submitted_at) AS submitted_at, sum(duration_s) AS duration_s, sum(cost_usd) AS cost_usd,
        bool_or(prelabeled) AS prelabeled, min((source_id::BIGINT << 40) + source_row) AS first_row
      FROM judgements WHERE question_no NOT IN (SELECT question_no FROM one_row_questions) GROUP BY ${keys}),
    questions_numbered AS (
      SELECT question_no, dense_rank() OVER (ORDER BY batch_id, question)::BIGINT AS unit_question_no,
        count(*) OVER (PARTITION BY batch_id, question) > 1 AS shared_unit FROM question_keys),
    per_item AS (SELECT item_no, annotator_no, count(*) AS questions_on_item FROM assignments GROUP BY ALL),
    gaps AS (SELECT annotator_no, question_no, item_no, (epoch_ms(submitted_at) - epoch_ms(lag(submitted_at) OVER (
        PARTITION BY annotator_no ORDER BY submitted_at, first_row, question_no, item_no))) / 1000.0 AS gap_s
      FROM assignments WHERE submitted_at IS NOT NULL),
    timed AS (
      SELECT a.*, p.questions_on_item, g.gap_s,
        date_diff('day', DATE '1970-01-01', CAST(a.submitted_at AS DATE)) AS day_no
      FROM assignments a JOIN per_item p USING (item_no, annotator_no) LEFT JOIN gaps g USING (annotator_no, question_no, item_no))
    SELECT t.question_no, t.judgements, t.submitted_at, t.duration_s, t.cost_usd, t.prelabeled,
      (t.item_no::BIGINT << 32) + q.unit_question_no AS unit_no, q.shared_unit, t.item_no::BIGINT AS item_no,
      t.annotator_no::BIGINT AS annotator_no, t.day_no, (t.item_no::BIGINT << 32) + t.annotator_no AS item_assignment_no,
      t.questions_on_item, (t.day_no << 32) + t.annotator_no AS annotator_day_no,
      CASE WHEN t.submitted_at IS NOT NULL THEN ${starts} END AS session_start,
      CASE WHEN t.submitted_at IS NULL THEN NULL WHEN ${starts} THEN coalesce(t.duration_s, 0) ELSE gap_s END AS active_s,
      CASE WHEN t.submitted_at IS NOT NULL THEN ${starts} AND t.duration_s IS NULL END AS start_without_duration
    FROM timed t JOIN questions_numbered q USING (question_no))`;
}

/**
 * The assignments the filters select, with their active time (columns of
 * `sessionisedAssignments` and the names: annotator_id, batch_id, strategy, question, and
 * item_id when the gold filter needs it), usable after FROM. Filters apply to assignments: a
 * date range selects an assignment by its submitted_at (the latest of its rows), the other
 * filters by its batch, strategy, question, annotator and item. The sessionised table does not
 * depend on the filters, so it is built once per state of the data (`derivedTable`); the names
 * are joined from the key dictionaries (60 annotators, a dozen questions: cheap) per query.
 */
export async function timedAssignments(db: Connector, filters: Filters = {}, options: ThroughputOptions = {}): Promise<SqlQuery> {
  const gap = gapSeconds(options);
  const table = await derivedTable(db, `assignments_${String(gap).replace(/\W/g, '_')}`, sessionisedAssignments(options));
  const needsItem = filters.gold === 'gold' || filters.gold === 'non-gold';
  return sql`(SELECT * FROM (
      SELECT a.*, k.annotator_id, q.batch_id, q.strategy, q.question${needsItem ? sql`, i.item_id` : sql``}
      FROM ${table} a JOIN annotator_keys k USING (annotator_no) JOIN question_keys q USING (question_no)
        ${needsItem ? sql`JOIN item_keys i USING (item_no)` : sql``}) j
    WHERE ${filterCondition(filters)})`;
}
