import type { Connector } from '../../db/connector';
import { goldJudgements } from '../../db/gold-join';
import { sql } from '../../sql/sql';
import { clopperPearson, clopperPearsonLower } from '../../stats/clopper-pearson';
import { filterCondition, type Filters } from '../filters';
import { requiredSampleSizes } from './required-sample-size';

/** The guarantee check of one batch (the report's `guarantee`, DESIGN.md "Guarantee check"). */
export interface BatchGuarantee {
  batch_id: string;
  target: number;
  confidence: number;
  /** Gold-checked judgements (judgement level, text answers excluded). */
  n: number;
  errors: number;
  /** Observed accuracy (n − errors)/n; null when n = 0. */
  accuracy: number | null;
  /** One-sided lower Clopper–Pearson bound at `confidence`; null when n = 0. */
  lower_bound: number | null;
  /** Two-sided Clopper–Pearson interval at `confidence` (for display); null when n = 0. */
  interval: [number, number] | null;
  demonstrated: boolean;
  /** Gold items needed to demonstrate `target` with 0, 1, 2 errors. */
  required_n: Record<string, number>;
  /** Why `lower_bound` is null. */
  reason: string | null;
}

export interface GuaranteeOptions {
  target?: number;
  confidence?: number;
}

/**
 * The guarantee verdict from counts: lower bound = B(α; n−e, e+1) (one-sided Clopper–Pearson,
 * R `binom.test(n−e, n, alternative = "greater")$conf.int[1]`), demonstrated when ≥ target.
 * The plain-TS reference the SQL path is cross-checked with.
 */
export function guaranteeFromCounts(
  batch_id: string,
  n: number,
  errors: number,
  { target = 0.95, confidence = 0.95 }: GuaranteeOptions = {},
): BatchGuarantee {
  const lower_bound = clopperPearsonLower(n - errors, n, confidence);
  return {
    batch_id,
    target,
    confidence,
    n,
    errors,
    accuracy: n > 0 ? (n - errors) / n : null,
    lower_bound,
    interval: n > 0 ? clopperPearson(n - errors, n, confidence) : null,
    demonstrated: lower_bound !== null && lower_bound >= target,
    required_n: requiredSampleSizes(target, confidence, 2),
    reason: n === 0 ? 'no gold-checked judgements in this batch' : null,
  };
}

/**
 * Per batch: gold-checked judgements n and errors (judgements whose answer differs from gold,
 * through the `judgement_gold` view: judgement level, text answers not scored), the lower
 * bound and the verdict against `target` (defaults 0.95 / 0.95). Batches with judgements but
 * no gold are listed with n = 0 and a null bound.
 */
export async function guaranteeByBatch(
  db: Connector,
  filters: Filters = {},
  options: GuaranteeOptions = {},
): Promise<BatchGuarantee[]> {
  const rows = await db.query<{ batch_id: string; n: number; errors: number }>(sql`
    WITH scored AS (
      SELECT j.batch_id, count(*)::DOUBLE AS n, count(*) FILTER (WHERE NOT j.is_correct)::DOUBLE AS errors
      FROM ${await goldJudgements(db)} j
      WHERE j.is_correct IS NOT NULL AND ${filterCondition(filters)}
      GROUP BY j.batch_id
    ), batches AS (
      SELECT DISTINCT j.batch_id FROM judgements j WHERE ${filterCondition(filters)}
    )
    SELECT b.batch_id, coalesce(s.n, 0) AS n, coalesce(s.errors, 0) AS errors
    FROM batches b LEFT JOIN scored s USING (batch_id)
    ORDER BY b.batch_id`);
  return rows.map((r) => guaranteeFromCounts(r.batch_id, r.n, r.errors, options));
}
