import { filtersKey, type Filters } from '../metrics/filters';
import type { FilterOptions } from '../report/filter-options';

/**
 * The filter states a user is likely to pick next from `filters`, for the dashboard to
 * compute ahead: each batch alone, then each strategy alone (the other filters kept, in the
 * filter bar's order), without the current state; at most `limit`.
 */
export function likelyNextFilters(
  filters: Filters,
  options: Pick<FilterOptions, 'batches' | 'strategies'>,
  limit: number,
): Filters[] {
  const current = filtersKey(filters);
  const candidates = [
    ...options.batches.map((batch): Filters => ({ ...filters, batches: [batch] })),
    ...options.strategies.map((strategy): Filters => ({ ...filters, strategies: [strategy] })),
  ];
  return candidates.filter((candidate) => filtersKey(candidate) !== current).slice(0, limit);
}
