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

/**
 * Runs a view's queries one after another while `wanted()` holds: `step(work)` runs `work`
 * and returns its result, or returns null without running it once `wanted()` has been false
 * (a prefetch stops between two queries when the user moves on, and never resumes).
 */
export function stepsWhile(wanted: () => boolean): <T>(work: () => Promise<T>) => Promise<T | null> {
  let going = true;
  return async (work) => {
    going &&= wanted();
    return going ? work() : null;
  };
}
