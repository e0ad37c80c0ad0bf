import type { Connector } from '../../db/connector';
import { goldJudgements } from '../../db/gold-join';
import { sql } from '../../sql/sql';
import type { Filters } from '../filters';
import { codeOrder, questionCondition, scoredJudgements, type QuestionRef } from './scored-judgements';

/** Gold × answer counts for one question: `counts[g][a]` judgements whose gold is labels[g] and answer labels[a]. */
export interface ConfusionMatrix {
  /** every class seen as gold or as an answer, lowest code first (numbers numerically) */
  labels: string[];
  counts: number[][];
  n: number;
  correct: number;
}

/**
 * The judgement-level confusion matrix of one question against gold (rows gold, columns
 * answer), over the union of gold and answer classes so the diagonal is "correct".
 * Counted in SQL; the (small) matrix is filled in TS.
 */
export async function confusionMatrix(db: Connector, filters: Filters, key: QuestionRef): Promise<ConfusionMatrix> {
  const scored = scoredJudgements(filters, questionCondition(key), await goldJudgements(db));
  const cells = await db.query<{ gold_code: string; answer_code: string; n: number }>(
    sql`SELECT gold_code, answer_code, count(*) AS n FROM ${scored} GROUP BY ALL`,
  );
  const labels = (
    await db.query<{ code: string }>(
      sql`SELECT code FROM (SELECT gold_code AS code FROM ${scored} UNION SELECT answer_code FROM ${scored})
        WHERE code IS NOT NULL ORDER BY ${codeOrder('code')}`,
    )
  ).map((r) => r.code);
  const index = new Map(labels.map((label, i) => [label, i]));
  const counts = labels.map(() => labels.map(() => 0));
  let n = 0;
  let correct = 0;
  for (const cell of cells) {
    n += cell.n;
    if (cell.gold_code === cell.answer_code) correct += cell.n;
    const g = index.get(cell.gold_code);
    const a = index.get(cell.answer_code);
    if (g !== undefined && a !== undefined) counts[g][a] += cell.n;
  }
  return { labels, counts, n, correct };
}

/** Each cell as a share of its gold row (per-class recall on the diagonal); null for a row without judgements. */
export function rowShares(matrix: ConfusionMatrix): (number | null)[][] {
  return matrix.counts.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((count) => (total > 0 ? count / total : null));
  });
}
