import type { Connector } from '../../db/connector';
import { goldJudgements } from '../../db/gold-join';
import { questionKey, type AccuracyReport } from '../../report/report-types';
import { raw, sql } from '../../sql/sql';
import { QUESTION_PARTITION, rowsByPartitionCached, type PartitionFilter } from '../by-question-cache';
import { filteredJudgements, type Filters } from '../filters';
import { accuracyFromCounts } from './accuracy-report';
import { scoredJudgements } from './scored-judgements';

export type AccuracyDimension = 'annotator' | 'batch' | 'strategy' | 'question';

/** One row of an accuracy table: the group (`value`; for questions also its three fields) and its report. */
export interface AccuracyRow extends AccuracyReport {
  dimension: AccuracyDimension;
  /** annotator id, batch id, strategy, or `questionKey()` for questions */
  value: string;
  batch_id?: string;
  strategy?: string;
  question?: string;
}

const GROUP_COLUMNS: Record<AccuracyDimension, string> = {
  annotator: 'annotator_id',
  batch: 'batch_id',
  strategy: 'strategy',
  question: 'batch_id, strategy, question',
};

const PARTITIONS: Record<AccuracyDimension, readonly (readonly [PartitionFilter, string])[]> = {
  annotator: [],
  batch: [['batches', 'batch_id']],
  strategy: [['strategies', 'strategy']],
  question: QUESTION_PARTITION,
};

interface CountRow {
  annotator_id?: string;
  batch_id?: string;
  strategy?: string;
  question?: string;
  n: number;
  correct: number;
}

/**
 * Judgement-level accuracy against gold grouped by annotator, batch, strategy or question
 * (pooled over everything else the filters select), with Wilson and Clopper–Pearson 95 %
 * intervals. One GROUP BY over `judgement_gold`; only judgements with a scorable gold answer
 * count (boxes and free text are scored elsewhere). Sorted by the group value.
 */
export async function accuracyBy(db: Connector, filters: Filters, dimension: AccuracyDimension): Promise<AccuracyRow[]> {
  const columns = raw(GROUP_COLUMNS[dimension]);
  // rows of a batch, strategy or question are picked from those computed once for all of them
  const rows = await rowsByPartitionCached(db, `accuracy-by:${dimension}`, filters, PARTITIONS[dimension], async (selected) =>
    db.query<CountRow & Record<string, unknown>>(
      sql`SELECT ${columns}, count(*) AS n, count(*) FILTER (WHERE is_correct) AS correct
        FROM ${scoredJudgements(selected, sql`true`, await goldJudgements(db))} GROUP BY ${columns} ORDER BY ${columns}`,
    ),
  );
  return rows.map((r) => {
    const report = accuracyFromCounts(r.n, r.correct);
    if (dimension === 'question') {
      const key = { batch_id: r.batch_id!, strategy: r.strategy!, question: r.question! };
      return { dimension, value: questionKey(key), ...key, ...report };
    }
    const value = String(dimension === 'annotator' ? r.annotator_id : dimension === 'batch' ? r.batch_id : r.strategy);
    return { dimension, value, ...report };
  });
}

/**
 * `accuracy` of the report contract for every question in the filtered judgements, keyed by
 * `questionKey()`. Questions without scorable gold get n = 0, null figures and a reason
 * (no gold; boxes are matched by IoU; free text is scored by similarity).
 */
export async function accuracyByQuestion(db: Connector, filters: Filters): Promise<Map<string, AccuracyReport>> {
  const questions = await db.query<{ batch_id: string; strategy: string; question: string; kind: string | null }>(
    sql`SELECT batch_id, strategy, question, any_value(value_kind) AS kind FROM ${filteredJudgements(filters)} GROUP BY ALL`,
  );
  const scored = new Map((await accuracyBy(db, filters, 'question')).map((row) => [row.value, row]));
  const out = new Map<string, AccuracyReport>();
  for (const q of questions) {
    const key = questionKey(q);
    const row = scored.get(key);
    if (row) {
      const { n, correct, accuracy, wilson95, clopper_pearson95, reasons } = row;
      out.set(key, { n, correct, accuracy, wilson95, clopper_pearson95, reasons });
    } else {
      const why =
        q.kind === 'box'
          ? 'boxes are scored against gold by IoU matching (see the box metrics), not by exact match'
          : q.kind === 'text'
            ? 'free text is scored against gold by text similarity, not by exact match'
            : 'no judgement of this question has a gold answer';
      out.set(key, accuracyFromCounts(0, 0, why));
    }
  }
  return out;
}
