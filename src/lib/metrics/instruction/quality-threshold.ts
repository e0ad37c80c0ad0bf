import type { Connector } from '../../db/connector';
import { questionKey } from '../../report/report-types';
import { joinSql, sql } from '../../sql/sql';
import { clopperPearsonUpper } from '../../stats/clopper-pearson';
import { filteredJudgements, type Filters } from '../filters';

/** Share of units below a quality threshold, per (batch, strategy, question). */
export interface QualityThresholdReport {
  threshold: number;
  confidence: number;
  /** Items with at least one rating. */
  units: number;
  /** Items whose mean rating is below the threshold. */
  below: number;
  share_below: number | null;
  /** One-sided exact (Clopper–Pearson) upper confidence bound on the share below. */
  share_below_upper: number | null;
  /** Up to 20 of the lowest-rated items below the threshold, lowest first (for drill-down). */
  worst_items: { item_id: string; mean_rating: number; ratings: number }[];
  reasons: Record<string, string>;
}

export interface QualityThresholdOptions {
  /** A unit is "below" when its mean rating is < threshold (default 3, on a 1–5 scale). */
  threshold?: number;
  /** Confidence of the upper bound (default 0.95). */
  confidence?: number;
  /** Rating questions to use; default: number questions of the instruction_tuning strategy. */
  questions?: string[];
}

/**
 * "A single bad example in 100 matters": per batch and rating question, the share of units
 * (items) whose mean rating is below the threshold, with the one-sided upper Clopper–Pearson
 * (1934) bound at `confidence` — how bad the batch could plausibly be. Counting in SQL.
 */
export async function qualityThresholdByQuestion(
  db: Connector,
  filters: Filters = {},
  options: QualityThresholdOptions = {},
): Promise<Map<string, QualityThresholdReport>> {
  const threshold = options.threshold ?? 3;
  const confidence = options.confidence ?? 0.95;
  const where = options.questions?.length
    ? sql`j.question IN (${joinSql(options.questions.map((q) => sql`${q}`))})`
    : sql`j.strategy = 'instruction_tuning' AND j.value_kind = 'number'`;
  const units = sql`(SELECT batch_id, strategy, question, item_id, avg(score) AS mean_rating, count(score)::INTEGER AS ratings
      FROM ${filteredJudgements(filters)} j WHERE score IS NOT NULL AND ${where} GROUP BY ALL)`;
  const totals = await db.query<{ batch_id: string; strategy: string; question: string; units: number; below: number }>(sql`
    SELECT batch_id, strategy, question, count(*)::INTEGER AS units, count(*) FILTER (WHERE mean_rating < ${threshold})::INTEGER AS below
    FROM ${units} u GROUP BY ALL ORDER BY ALL`);
  const worst = await db.query<{
    batch_id: string;
    strategy: string;
    question: string;
    item_id: string;
    mean_rating: number;
    ratings: number;
  }>(sql`
    SELECT * FROM ${units} u WHERE mean_rating < ${threshold}
    QUALIFY row_number() OVER (PARTITION BY batch_id, strategy, question ORDER BY mean_rating, item_id) <= 20
    ORDER BY batch_id, strategy, question, mean_rating, item_id`);
  const out = new Map<string, QualityThresholdReport>();
  for (const t of totals) {
    out.set(questionKey(t), {
      threshold,
      confidence,
      units: t.units,
      below: t.below,
      share_below: t.units ? t.below / t.units : null,
      share_below_upper: clopperPearsonUpper(t.below, t.units, confidence),
      worst_items: [],
      reasons: {},
    });
  }
  for (const w of worst)
    out.get(questionKey(w))?.worst_items.push({ item_id: w.item_id, mean_rating: w.mean_rating, ratings: w.ratings });
  return out;
}
