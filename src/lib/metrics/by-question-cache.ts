import type { Connector } from '../db/connector';
import { memoPerData } from '../db/data-memo';
import { dataFingerprint } from '../db/derived-table';
import type { Filters } from './filters';

/** How many filter states are remembered per metric (a few: the user goes back and forth). */
const KEEP = 6;

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
  const all = await memoPerData(db, `by-question:${name}`, key, () => compute(within), KEEP);
  const wanted = (list: string[] | undefined, value: string) => !list?.length || list.includes(value);
  const out = new Map<string, T>();
  for (const [questionKey, value] of all) {
    const [batch, strategy, question] = JSON.parse(questionKey) as [string, string, string];
    if (wanted(batches, batch) && wanted(strategies, strategy) && wanted(questions, question)) out.set(questionKey, value);
  }
  return out;
}
