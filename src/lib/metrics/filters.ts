import { joinSql, raw, sql, type SqlQuery } from '../sql/sql';

/**
 * The linked filters of the dashboard (and the CLI's selection). Every metric reads its
 * judgements through `filteredJudgements(filters)`, so one filter state drives every panel.
 * Empty or missing lists mean "all".
 */
export interface Filters {
  batches?: string[];
  strategies?: string[];
  questions?: string[];
  annotators?: string[];
  /** Inclusive UTC day range on submitted_at, `YYYY-MM-DD`; rows without a timestamp are kept only when no range is set. */
  from?: string;
  to?: string;
  /** `gold`: only items that have gold; `non-gold`: only items without. */
  gold?: 'all' | 'gold' | 'non-gold';
}

function inList(column: string, values: string[] | undefined): SqlQuery | null {
  if (!values || values.length === 0) return null;
  return sql`${raw(column)} IN (${joinSql(values.map((v) => sql`${v}`))})`;
}

/** A WHERE condition (over `judgements` aliased `j`) for the filters; `true` when none. */
export function filterCondition(filters: Filters = {}): SqlQuery {
  const parts: SqlQuery[] = [];
  for (const [column, values] of [
    ['j.batch_id', filters.batches],
    ['j.strategy', filters.strategies],
    ['j.question', filters.questions],
    ['j.annotator_id', filters.annotators],
  ] as const) {
    const part = inList(column, values);
    if (part) parts.push(part);
  }
  if (filters.from) parts.push(sql`j.submitted_at >= CAST(${filters.from} AS DATE)`);
  if (filters.to) parts.push(sql`j.submitted_at < CAST(${filters.to} AS DATE) + INTERVAL 1 DAY`);
  if (filters.gold === 'gold' || filters.gold === 'non-gold') {
    parts.push(
      sql`${filters.gold === 'gold' ? sql`` : sql`NOT `}EXISTS (SELECT 1 FROM gold g WHERE g.item_id = j.item_id
        AND (g.batch_id = j.batch_id OR g.batch_id = '*') AND (g.question = j.question OR g.question = '*'))`,
    );
  }
  return parts.length ? joinSql(parts, ' AND ') : sql`true`;
}

/** `(SELECT j.* FROM judgements j WHERE …)`: the judgements the filters select, usable after FROM. */
export function filteredJudgements(filters: Filters = {}): SqlQuery {
  return sql`(SELECT j.* FROM judgements j WHERE ${filterCondition(filters)})`;
}

/**
 * One string per selection, for keying cached results: the same selection gives the same key
 * whatever its key order, value order or empty lists (`{}` and `{ batches: [] }` are one).
 */
export function filtersKey(filters: Filters = {}): string {
  const set = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== '' && value !== 'all' && !(Array.isArray(value) && !value.length))
    .map(([name, value]) => [name, Array.isArray(value) ? [...value].sort() : value] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(set);
}
