import type { Connector } from './connector';

const memos = new WeakMap<Connector, Map<string, Map<string, Promise<unknown>>>>();
/** Connectors that are views of another (`statement-lanes.ts`) and use its memos. */
const memoOwners = new WeakMap<Connector, Connector>();

/** `view` (a view of `owner`'s database) remembers in `owner`'s memos from now on. */
export function shareMemos(view: Connector, owner: Connector): void {
  memoOwners.set(view, memoOwners.get(owner) ?? owner);
}

/**
 * `compute()` remembered per connector, `name` and `key` (a key names a state of the data and
 * whatever else the result depends on), keeping the last `keep` keys of each name. Concurrent
 * callers share one computation; a computation that fails is forgotten, so the next caller
 * retries it.
 */
export function memoPerData<T>(db: Connector, name: string, key: string, compute: () => Promise<T>, keep = 1): Promise<T> {
  const owner = memoOwners.get(db) ?? db;
  if (!memos.has(owner)) memos.set(owner, new Map());
  const byName = memos.get(owner)!;
  if (!byName.has(name)) byName.set(name, new Map());
  const cache = byName.get(name)!;
  let result = cache.get(key) as Promise<T> | undefined;
  if (!result) {
    const fresh = compute();
    cache.set(key, fresh);
    fresh.catch(() => cache.get(key) === fresh && cache.delete(key));
    while (cache.size > keep) cache.delete(cache.keys().next().value!);
    result = fresh;
  }
  return result;
}
