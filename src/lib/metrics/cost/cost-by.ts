import type { Connector } from '../../db/connector';
import type { RateCard } from '../../economics/rate-card';
import type { Reasons } from '../../report/report-types';
import { sql } from '../../sql/sql';
import type { Filters } from '../filters';
import { groupClause, groupSelect, perGroupCached, type GroupKey } from '../throughput/group-keys';
import { timedAssignments, type ThroughputOptions } from '../throughput/timed-assignments';
import { assignmentCostSql, missingCostReasonSql } from './assignment-cost';

export interface CostRow {
  annotator_id?: string;
  batch_id?: string;
  strategy?: string;
  day?: string;
  /** Total cost; null when any assignment of the group has none (a partial sum would understate it). */
  cost_usd: number | null;
  /** Assignments priced by the export's cost_usd, by the rate card, and not at all. */
  priced_by_export: number;
  priced_by_rate_card: number;
  unpriced: number;
  /** `export`, `rate_card` or `mixed`: where the cost came from. */
  cost_source: 'export' | 'rate_card' | 'mixed' | null;
  reasons: Reasons;
}

/**
 * Cost per group (DESIGN.md "Cost"): the sum over assignments of the export's cost_usd,
 * else the rate card's price (`assignment-cost.ts`). Null with a reason when some
 * assignment cannot be priced.
 */
export async function costBy(
  db: Connector,
  filters: Filters,
  keys: readonly GroupKey[],
  card: RateCard,
  options: ThroughputOptions = {},
): Promise<CostRow[]> {
  return perGroupCached(db, `cost:${JSON.stringify([card, options])}`, filters, keys, (selected) =>
    computeCost(db, selected, keys, card, options),
  );
}

async function computeCost(
  db: Connector,
  filters: Filters,
  keys: readonly GroupKey[],
  card: RateCard,
  options: ThroughputOptions,
) {
  const rows = await db.query<Record<string, unknown>>(sql`
    SELECT ${keys.length ? sql`${groupSelect(keys)},` : sql``}
      sum(cost) AS cost_usd,
      count(cost_usd)::DOUBLE AS priced_by_export,
      count(*) FILTER (WHERE cost_usd IS NULL AND cost IS NOT NULL)::DOUBLE AS priced_by_rate_card,
      count(*) FILTER (WHERE cost IS NULL)::DOUBLE AS unpriced,
      string_agg(DISTINCT missing, '; ') FILTER (WHERE cost IS NULL) AS missing
    FROM (SELECT *, ${assignmentCostSql(card)} AS cost, ${missingCostReasonSql(card)} AS missing
          FROM ${await timedAssignments(db, filters, options)} a) a
    ${groupClause(keys)}`);
  return rows.map((row) => {
    const { missing, ...rest } = row;
    const out = rest as unknown as CostRow;
    out.reasons = {};
    if (out.unpriced > 0) {
      out.reasons.cost_usd = `${out.unpriced} answer(s) cannot be priced: ${String(missing)}`;
      out.cost_usd = null;
    }
    out.cost_source =
      out.priced_by_export > 0 && out.priced_by_rate_card > 0
        ? 'mixed'
        : out.priced_by_export > 0
          ? 'export'
          : out.priced_by_rate_card > 0
            ? 'rate_card'
            : null;
    return out;
  });
}
