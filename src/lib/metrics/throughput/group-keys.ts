import type { Connector } from '../../db/connector';
import { joinSql, raw, type SqlQuery } from '../../sql/sql';
import { rowsByPartitionCached, type PartitionFilter } from '../by-question-cache';
import type { Filters } from '../filters';

/**
 * The dimensions economics figures can be grouped by. `day` is the UTC calendar day of
 * submitted_at (`YYYY-MM-DD`; timestamps are stored in UTC, ingest converts offsets).
 */
export type GroupKey = 'annotator_id' | 'batch_id' | 'strategy' | 'day';

/** What each key groups by: a day by its DATE (an integer), formatted only once per group. */
const GROUPED_BY: Record<GroupKey, string> = {
  annotator_id: 'annotator_id',
  batch_id: 'batch_id',
  strategy: 'strategy',
  day: 'CAST(submitted_at AS DATE)',
};

const SELECTED: Record<GroupKey, string> = { ...GROUPED_BY, day: `strftime(${GROUPED_BY.day}, '%Y-%m-%d')` };

/** `expr AS key, …` for a SELECT list (over rows with annotator_id, batch_id, strategy, submitted_at). */
export function groupSelect(keys: readonly GroupKey[]): SqlQuery {
  return joinSql(keys.map((k) => raw(`${SELECTED[k]} AS ${k}`)));
}

/** `GROUP BY expr, … ORDER BY expr, …`; empty (one group of everything) when there are no keys. */
export function groupClause(keys: readonly GroupKey[]): SqlQuery {
  if (!keys.length) return raw('');
  const list = keys.map((k) => GROUPED_BY[k]).join(', ');
  return raw(`GROUP BY ${list} ORDER BY ${list}`);
}

/** A stable string id for a group's key values, to merge rows from several queries. */
export function groupId(row: Record<string, unknown>, keys: readonly GroupKey[]): string {
  return JSON.stringify(keys.map((k) => row[k] ?? null));
}

/**
 * Rows grouped by batch (or strategy) depend only on that batch's (strategy's) judgements, so
 * a batch (strategy) filter only chooses among them (`rowsByPartitionCached`): picking another
 * batch costs nothing. `name` must say everything else the rows depend on (options, rate card).
 */
export function perGroupCached<R extends object>(
  db: Connector,
  name: string,
  filters: Filters,
  keys: readonly GroupKey[],
  compute: (filters: Filters) => Promise<R[]>,
): Promise<R[]> {
  const partition: [PartitionFilter, string][] = [];
  if (keys.includes('batch_id')) partition.push(['batches', 'batch_id']);
  if (keys.includes('strategy')) partition.push(['strategies', 'strategy']);
  return rowsByPartitionCached(db, `${name}:${keys.join(',')}`, filters, partition, compute);
}
