import { filteredJudgements, type Filters } from '../filters';
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
 * pair of a batch. Box questions have one row per box; the rows of one annotation carry the
 * annotation's time and cost (Label Studio's `lead_time` is per annotation), so an
 * assignment's submitted_at, duration_s and cost_usd are the maxima over its rows.
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
  'A session is a run of one annotator\'s submissions with no gap longer than the session gap (30 min by default). ' +
  'Active time = the sum of the gaps between consecutive submissions inside each session, plus the duration_s of each ' +
  'session\'s first unit when the export has it (0 when it does not). Days are UTC calendar days of submitted_at.';

/**
 * Session facts per assignment over all judgements: (annotator_id, batch_id, strategy,
 * item_id, question, session_start, active_s). Exported for tests and for the trend.
 */
export function sessionisedAssignments(options: ThroughputOptions = {}): SqlQuery {
  const gapSeconds = (options.sessionGapMinutes ?? DEFAULT_SESSION_GAP_MINUTES) * 60;
  if (!(gapSeconds > 0)) throw new Error(`sessionGapMinutes must be a positive number of minutes (got ${options.sessionGapMinutes})`);
  return sql`(
    SELECT annotator_id, batch_id, strategy, item_id, question,
      gap_s IS NULL OR gap_s > ${gapSeconds} AS session_start,
      CASE WHEN gap_s IS NULL OR gap_s > ${gapSeconds} THEN coalesce(duration_s, 0) ELSE gap_s END AS active_s,
      (gap_s IS NULL OR gap_s > ${gapSeconds}) AND duration_s IS NULL AS start_without_duration
    FROM (
      SELECT *, (epoch_ms(submitted_at) - epoch_ms(lag(submitted_at) OVER (PARTITION BY annotator_id
          ORDER BY submitted_at, batch_id, strategy, item_id, question))) / 1000.0 AS gap_s
      FROM (SELECT annotator_id, batch_id, strategy, item_id, question, max(submitted_at) AS submitted_at, max(duration_s) AS duration_s
            FROM judgements WHERE submitted_at IS NOT NULL GROUP BY ALL)
    ))`;
}

/**
 * The filtered assignments with their active time: one row per (annotator_id, batch_id,
 * strategy, item_id, question) with judgements (rows), submitted_at, duration_s, cost_usd,
 * prelabeled (any row pre-labelled), session_start, active_s, start_without_duration.
 */
export function timedAssignments(filters: Filters = {}, options: ThroughputOptions = {}): SqlQuery {
  return sql`(
    SELECT a.*, s.session_start, s.active_s, s.start_without_duration
    FROM (SELECT annotator_id, batch_id, strategy, item_id, question, count(*) AS judgements,
            max(submitted_at) AS submitted_at, max(duration_s) AS duration_s, max(cost_usd) AS cost_usd,
            bool_or(prelabeled) AS prelabeled
          FROM ${filteredJudgements(filters)} j GROUP BY ALL) a
    LEFT JOIN ${sessionisedAssignments(options)} s USING (annotator_id, batch_id, strategy, item_id, question))`;
}
