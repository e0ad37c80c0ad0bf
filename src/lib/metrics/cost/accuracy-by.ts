import type { Connector } from '../../db/connector';
import { goldJudgements } from '../../db/gold-join';
import { sql } from '../../sql/sql';
import { filterCondition, type Filters } from '../filters';
import { groupClause, groupSelect, perGroupCached, type GroupKey } from '../throughput/group-keys';

export interface AccuracyCounts {
  annotator_id?: string;
  batch_id?: string;
  strategy?: string;
  day?: string;
  /** Judgements with a gold answer that can be scored (`judgement_gold.is_correct` not null). */
  n: number;
  correct: number;
}

/**
 * Judgement-level accuracy counts against gold per group (DESIGN.md "Accuracy against
 * gold"), from the `judgement_gold` view: n = judgements with a scorable gold answer,
 * correct = those with is_correct. Boxes and text are not scored there and do not count.
 */
export function accuracyBy(db: Connector, filters: Filters, keys: readonly GroupKey[]): Promise<AccuracyCounts[]> {
  return perGroupCached(db, 'accuracy', filters, keys, async (selected) =>
    db.query<AccuracyCounts & Record<string, unknown>>(sql`
      SELECT ${keys.length ? sql`${groupSelect(keys)},` : sql``}
        count(*)::DOUBLE AS n, count(*) FILTER (WHERE is_correct)::DOUBLE AS correct
      FROM ${await goldJudgements(db)} j WHERE is_correct IS NOT NULL AND ${filterCondition(selected)}
      ${groupClause(keys)}`),
  );
}
