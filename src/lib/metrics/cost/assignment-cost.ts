import type { RateCard } from '../../economics/rate-card';
import { joinSql, sql, type SqlQuery } from '../../sql/sql';

function lookup(column: SqlQuery, rates: Record<string, number>): SqlQuery {
  const whens = Object.entries(rates)
    .filter(([key]) => key !== '*')
    .map(([key, rate]) => sql`WHEN ${column} = ${key} THEN ${rate}::DOUBLE`);
  const fallback = rates['*'];
  return sql`CASE WHEN false THEN NULL::DOUBLE ${joinSql(whens, ' ')} ELSE ${fallback === undefined ? null : fallback}::DOUBLE END`;
}

/**
 * The cost of one assignment (a row of `timedAssignments`): the export's cost_usd (summed
 * over its rows) when present, else the rate card — `per_item[strategy] ÷ questions the
 * annotator answered on the item`, or `hourly[annotator] × active_s / 3600` (`rate-card.ts`).
 * NULL when neither applies.
 */
export function assignmentCostSql(card: RateCard): SqlQuery {
  const fromCard =
    card.basis === 'per_item'
      ? sql`(${lookup(sql`strategy`, card.per_item)} / questions_on_item)`
      : sql`(${lookup(sql`annotator_id`, card.hourly)} * active_s / 3600.0)`;
  return sql`coalesce(cost_usd, ${fromCard})`;
}

/** Why an assignment has no cost under this card (for `reasons`), as a SQL string expression; NULL when it has one. */
export function missingCostReasonSql(card: RateCard): SqlQuery {
  return card.basis === 'per_item'
    ? sql`'no cost_usd in the export and no per-item price for strategy "' || strategy || '" in the rate card'`
    : sql`CASE WHEN active_s IS NULL THEN 'no cost_usd and no submitted_at to price by the hour'
        ELSE 'no cost_usd in the export and no hourly rate for annotator "' || annotator_id || '" in the rate card' END`;
}
