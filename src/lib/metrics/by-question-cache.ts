import type { Connector } from '../db/connector';
import { memoPerData } from '../db/data-memo';
import { dataFingerprint } from '../db/derived-table';
import { questionKey } from '../report/report-types';
import { filtersKey, type Filters } from './filters';

/**
 * How many filter states are remembered per metric: the user goes back and forth, and the
 * dashboard's prefetch adds the likely next ones (`likelyNextFilters`).
 */
const KEEP = 12;

/** The filters that choose whole partitions of the judgements (a question belongs to one batch and strategy). */
export type PartitionFilter = 'batches' | 'strategies' | 'questions';

/** A question's partitions, each with the row field that holds its value. */
export const QUESTION_PARTITION: readonly (readonly [PartitionFilter, string])[] = [
  ['batches', 'batch_id'],
  ['strategies', 'strategy'],
  ['questions', 'question'],
];
const QUESTION_DIMENSIONS = QUESTION_PARTITION.map(([dimension]) => dimension);

/** The key of a state of the data and of the filters a result was computed under. */
async function stateKey(db: Connector, filters: Filters): Promise<string> {
  return `${await dataFingerprint(db)}#${filtersKey(filters)}`;
}

/**
 * A metric computed per partition — per question (`byQuestionCached`), per batch, per
 * (strategy, batch) … — remembered per state of the data. A partition's figures depend only on
 * its own judgements, so the filters naming partitions (`partition`, e.g. batches) only
 * choose which rows to show: the metric is computed once for every partition under the other
 * filters and those filters are applied to its keys (`compute` returns a map keyed by the
 * JSON array of the partition's values, in the order of `partition`). Picking another batch
 * then costs no recomputation.
 */
export async function byPartitionCached<T>(
  db: Connector,
  name: string,
  filters: Filters,
  partition: readonly PartitionFilter[],
  compute: (within: Filters) => Promise<ReadonlyMap<string, T>>,
): Promise<Map<string, T>> {
  const within: Filters = { ...filters };
  for (const dimension of partition) delete within[dimension];
  const all = await memoPerData(
    db,
    `by-partition:${name}:${partition.join(',')}`,
    await stateKey(db, within),
    () => compute(within),
    KEEP,
  );
  const out = new Map<string, T>();
  for (const [partitionKey, value] of all) {
    const values = JSON.parse(partitionKey) as string[];
    if (partition.every((dimension, i) => !filters[dimension]?.length || filters[dimension]!.includes(values[i]))) {
      out.set(partitionKey, value);
    }
  }
  return out;
}

/** A per-question metric (`compute` returns a map keyed by `questionKey()`: [batch, strategy, question]). */
export function byQuestionCached<T>(
  db: Connector,
  name: string,
  filters: Filters,
  compute: (within: Filters) => Promise<ReadonlyMap<string, T>>,
): Promise<Map<string, T>> {
  return byPartitionCached(db, name, filters, QUESTION_DIMENSIONS, compute);
}

/**
 * One question's figure (e.g. the selected question's confusion matrix) through
 * `byQuestionCached`: it depends only on the question's own judgements, so a batch or
 * strategy filter reuses it. Null when the filters leave the question out.
 */
export async function oneQuestionCached<T>(
  db: Connector,
  name: string,
  filters: Filters,
  question: { batch_id: string; strategy: string; question: string },
  compute: (within: Filters) => Promise<T>,
): Promise<T | null> {
  const key = questionKey(question);
  const byQuestion = await byQuestionCached(
    db,
    `${name}:${key}`,
    filters,
    async (within) => new Map([[key, await compute(within)]]),
  );
  return byQuestion.get(key) ?? null;
}

/**
 * Rows of a grouped query whose groups lie inside partitions (`partition` pairs a filter with
 * the row field holding its value, e.g. ['batches', 'batch_id'] for rows grouped by batch),
 * through `byPartitionCached`: computed once per state of the data and of the other filters,
 * in the order `compute` returns them. Without partitions, they are remembered per filter state.
 */
export async function rowsByPartitionCached<R extends object>(
  db: Connector,
  name: string,
  filters: Filters,
  partition: readonly (readonly [PartitionFilter, string])[],
  compute: (filters: Filters) => Promise<R[]>,
): Promise<R[]> {
  if (!partition.length) {
    // Nothing to choose among (e.g. rows per annotator): remembered per filter state, so going
    // back to one (clearing a filter) costs nothing.
    const rows = await memoPerData(db, `rows:${name}`, await stateKey(db, filters), () => compute(filters), KEEP);
    return rows.map((row) => ({ ...row }));
  }
  const dimensions = partition.map(([dimension]) => dimension);
  const rows = await byPartitionCached(db, name, filters, dimensions, async (within) => {
    const all = await compute(within);
    const field = (row: R, name: string) => (row as Record<string, unknown>)[name];
    return new Map(all.map((row, i) => [JSON.stringify([...partition.map(([, column]) => field(row, column)), i]), row]));
  });
  return [...rows.values()].map((row) => ({ ...row }));
}
