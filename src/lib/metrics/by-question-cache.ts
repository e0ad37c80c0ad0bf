import type { Connector } from '../db/connector';
import { dataFingerprint } from '../db/derived-table';
import type { Filters } from './filters';

/** How many filter states are remembered per metric (a few: the user goes back and forth). */
const KEEP = 6;

const caches = new WeakMap<Connector, Map<string, Map<string, Promise<ReadonlyMap<string, unknown>>>>>();

/**
 * A per-question metric (`compute` returns a map keyed by `questionKey()`), remembered per
 * state of the data. A question's figures depend only on its own judgements, so the batch,
 * strategy and question filters only choose which questions to show: the metric is computed
 * once for every question under the other filters (annotators, dates, gold) and those three
 * filters are applied to its keys. Picking another batch then costs no recomputation.
 */
export async function byQuestionCached<T>(
  db: Connector,
  name: string,
  filters: Filters,
  compute: (within: Filters) => Promise<ReadonlyMap<string, T>>,
): Promise<Map<string, T>> {
  const { batches, strategies, questions, ...within } = filters;
  const key = `${await dataFingerprint(db)}#${JSON.stringify(within)}`;
  if (!caches.has(db)) caches.set(db, new Map());
  const byName = caches.get(db)!;
  if (!byName.has(name)) byName.set(name, new Map());
  const cache = byName.get(name)!;
  let all = cache.get(key);
  if (!all) {
    all = compute(within);
    cache.set(key, all);
    all.catch(() => cache.get(key) === all && cache.delete(key));
    while (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  }
  const wanted = (list: string[] | undefined, value: string) => !list?.length || list.includes(value);
  const out = new Map<string, T>();
  for (const [questionKey, value] of (await all) as ReadonlyMap<string, T>) {
    const [batch, strategy, question] = JSON.parse(questionKey) as [string, string, string];
    if (wanted(batches, batch) && wanted(strategies, strategy) && wanted(questions, question)) out.set(questionKey, value);
  }
  return out;
}
