import { joinSql, raw, type SqlQuery } from '../../sql/sql';

/**
 * The dimensions economics figures can be grouped by. `day` is the UTC calendar day of
 * submitted_at (`YYYY-MM-DD`; timestamps are stored in UTC, ingest converts offsets).
 */
export type GroupKey = 'annotator_id' | 'batch_id' | 'strategy' | 'day';

const EXPRESSIONS: Record<GroupKey, string> = {
  annotator_id: 'annotator_id',
  batch_id: 'batch_id',
  strategy: 'strategy',
  day: "strftime(CAST(submitted_at AS DATE), '%Y-%m-%d')",
};

/** `expr AS key, …` for a SELECT list (over rows with annotator_id, batch_id, strategy, submitted_at). */
export function groupSelect(keys: readonly GroupKey[]): SqlQuery {
  return joinSql(keys.map((k) => raw(`${EXPRESSIONS[k]} AS ${k}`)));
}

/** `GROUP BY expr, … ORDER BY expr, …`; empty (one group of everything) when there are no keys. */
export function groupClause(keys: readonly GroupKey[]): SqlQuery {
  if (!keys.length) return raw('');
  const list = keys.map((k) => EXPRESSIONS[k]).join(', ');
  return raw(`GROUP BY ${list} ORDER BY ${list}`);
}

/** A stable string id for a group's key values, to merge rows from several queries. */
export function groupId(row: Record<string, unknown>, keys: readonly GroupKey[]): string {
  return JSON.stringify(keys.map((k) => row[k] ?? null));
}
