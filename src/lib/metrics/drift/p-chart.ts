import type { Connector } from '../../db/connector';
import { goldJudgements } from '../../db/gold-join';
import { raw, sql } from '../../sql/sql';
import { scoredJudgements } from '../accuracy/scored-judgements';
import type { Filters } from '../filters';
import { pChartLimits, type PChartSeries } from './p-chart-limits';

export type PChartBy = 'annotator' | 'batch';
export type PChartSubgroupBy = 'day' | 'batch';

export interface PChartResult {
  by: PChartBy;
  subgroup: PChartSubgroupBy;
  series: PChartSeries[];
  /** judgements with gold left out because they have no submitted_at (only for daily subgroups) */
  undated: number;
}

/**
 * Consistency over time: a p-chart of the error rate against gold for each annotator (or each
 * batch), one point per UTC day of `submitted_at` (or per batch), 3σ limits following each
 * point's n (`pChartLimits`, Montgomery ch. 7). Each series' centre line is its own p̄: a point
 * is flagged when that annotator (batch) was unusually bad or good that day. Counting in SQL.
 */
export async function pChart(
  db: Connector,
  filters: Filters,
  by: PChartBy,
  subgroup: PChartSubgroupBy = 'day',
): Promise<PChartResult> {
  const seriesColumn = raw(by === 'annotator' ? 'annotator_id' : 'batch_id');
  const subgroupColumn = raw(subgroup === 'day' ? "strftime(submitted_at, '%Y-%m-%d')" : 'batch_id');
  const dated = subgroup === 'day' ? sql`submitted_at IS NOT NULL` : sql`true`;
  const scored = scoredJudgements(filters, sql`true`, await goldJudgements(db));
  const rows = await db.query<{ series: string; subgroup: string; n: number; errors: number }>(
    sql`SELECT ${seriesColumn} AS series, ${subgroupColumn} AS subgroup, count(*) AS n, count(*) FILTER (WHERE NOT is_correct) AS errors
      FROM ${scored} WHERE ${dated}
      GROUP BY ALL ORDER BY series, ${subgroup === 'day' ? raw('subgroup') : raw('min(submitted_at) NULLS LAST, subgroup')}`,
  );
  const [{ undated }] =
    subgroup === 'day'
      ? await db.query<{ undated: number }>(sql`SELECT count(*) AS undated FROM ${scored} WHERE submitted_at IS NULL`)
      : [{ undated: 0 }];
  const grouped = new Map<string, { subgroup: string; n: number; errors: number }[]>();
  for (const r of rows) {
    const list = grouped.get(r.series) ?? [];
    list.push({ subgroup: r.subgroup, n: r.n, errors: r.errors });
    grouped.set(r.series, list);
  }
  return { by, subgroup, series: [...grouped].map(([name, subgroups]) => pChartLimits(name, subgroups)), undated };
}
