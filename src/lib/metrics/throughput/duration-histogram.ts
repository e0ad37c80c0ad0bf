import type { Connector } from '../../db/connector';
import { sql } from '../../sql/sql';
import type { Filters } from '../filters';
import { niceBinEdges } from '../../charts/histogram';
import { timedAssignments, type ThroughputOptions } from './timed-assignments';

export interface DurationHistogram {
  /** Bin edges in seconds, ascending; bin i is [edges[i], edges[i+1]) (the last bin is closed). */
  edges: number[];
  counts: number[];
  /** Durations above the last edge (the range is cut at the 99th percentile so one long pause does not flatten the chart). */
  above: number;
  total: number;
  reason: string | null;
}

/**
 * The time-per-unit distribution: duration_s per assignment binned on "nice" edges from 0
 * to the 99th percentile (quantile_cont), counted in SQL. Empty with a reason when no
 * duration is known.
 */
export async function durationHistogram(
  db: Connector,
  filters: Filters = {},
  bins = 30,
  options: ThroughputOptions = {},
): Promise<DurationHistogram> {
  const source = await timedAssignments(db, filters, options);
  const [{ total, p99 }] = await db.query<{ total: number; p99: number | null }>(
    sql`SELECT count(duration_s)::DOUBLE AS total, quantile_cont(duration_s, 0.99) AS p99 FROM ${source} a`,
  );
  if (total === 0 || p99 === null) {
    return { edges: [], counts: [], above: 0, total: 0, reason: 'no duration_s in the selected judgements' };
  }
  const edges = niceBinEdges(0, Math.max(p99, 1), bins);
  const width = edges[1] - edges[0];
  const last = edges[edges.length - 1];
  const rows = await db.query<{ bin: number; n: number }>(sql`
    SELECT CASE WHEN duration_s > ${last} THEN -1 ELSE least(floor(greatest(duration_s, 0) / ${width}), ${edges.length - 2}) END::INTEGER AS bin,
      count(*)::DOUBLE AS n
    FROM ${source} a WHERE duration_s IS NOT NULL GROUP BY bin`);
  const counts = new Array<number>(edges.length - 1).fill(0);
  let above = 0;
  for (const { bin, n } of rows) {
    if (bin < 0) above += n;
    else counts[bin] += n;
  }
  return { edges, counts, above, total, reason: null };
}
