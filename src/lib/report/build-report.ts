import type { Connector } from '../db/connector';
import { accuracyByQuestion } from '../metrics/accuracy/accuracy-by';
import { agreementByQuestion } from '../metrics/agreement/agreement-by-question';
import { aggregationByQuestion } from '../metrics/aggregation/aggregation-by-question';
import { guaranteeByBatch } from '../metrics/guarantee/guarantee-by-batch';
import { annotatorEconomics, batchEconomics, strategyEconomics, type EconomicsRow } from '../metrics/cost/economics';
import type { RateCard } from '../economics/rate-card';
import { byQuestionCached } from '../metrics/by-question-cache';
import { statementLanes } from '../db/statement-lanes';
import type { Filters } from '../metrics/filters';
import { boxesByQuestion } from '../metrics/boxes/boxes-by-question';
import { preferenceByQuestion } from '../metrics/preference/preference-by-question';
import { textByQuestion } from '../metrics/text/text-by-question';
import { vqaByQuestion } from '../metrics/vqa/vqa-by-question';
import { ANNOQA_VERSION } from '../version';
import { batchSummaries, questionCounts, rejectionsTotal, reportSources } from './report-basics';
import { questionKey, REPORT_SCHEMA, type AggregationReport, type QuestionReport, type Report } from './report-types';

export interface ReportOptions {
  filters?: Filters;
  /** Bootstrap confidence intervals on agreement (1,000 resamples, fixed seed). */
  bootstrap?: boolean;
  /** Accuracy target p₀ for the guarantee check (adds `guarantee` per batch). */
  target?: number;
  confidence?: number;
  /** Prices for judgements whose export carries no cost (default: DESIGN.md's midpoints). */
  rateCard?: RateCard;
  /**
   * `summary` skips the costly sections (aggregation with Dawid–Skene EM, throughput and cost
   * economics): `aggregation` is null and `annotators`/`strategies` are empty. The Overview
   * uses it; the CLI and exports always build the full report.
   */
  depth?: 'full' | 'summary';
}

/**
 * Builds the report of DESIGN.md "The report contract" (schema annoqa.report/1) from the
 * canonical tables: the same function serves the CLI's `--json` and the app's exports.
 */
export async function buildReport(db: Connector, options: ReportOptions = {}): Promise<Report> {
  const filters = options.filters ?? {};
  // Per-question figures are computed for every question and cached (byQuestionCached): a
  // batch, strategy or question filter then only picks among them.
  const bootstrap = options.bootstrap ?? true;
  const cached = <T>(lane: Connector, name: string, compute: (within: Filters) => Promise<ReadonlyMap<string, T>>) =>
    byQuestionCached(lane, name, filters, compute);
  const full = options.depth !== 'summary';
  const none = async <T>(): Promise<T[]> => [];
  // The sections are independent: they run concurrently, so that one section's JavaScript
  // (Dawid–Skene EM, the Bradley–Terry bootstrap) runs while DuckDB answers another's SQL (in
  // its worker in the browser, on its own threads natively). The sections whose results feed
  // those fits have their statements run first (`statementLanes`), so the fits run beside the
  // other sections' SQL instead of after it (the 1M report: 10.1–10.4 → 8.8–9.0 s on native
  // DuckDB, 9.5–9.8 → 8.5–8.8 s in Chromium). Every section is deterministic whatever the order.
  const { first, rest } = statementLanes(db);
  const [
    aggregation,
    specific,
    sources,
    rejections_total,
    counts,
    batches,
    agreement,
    accuracy,
    economics,
    guarantees,
    annotators,
    strategies,
  ] = await Promise.all([
    full ? cached(first, 'aggregation', (f) => aggregationByQuestion(first, f)) : new Map<string, AggregationReport>(),
    // Strategy-specific measures, present on the questions they apply to (DESIGN.md, issue 6).
    Promise.all([
      cached(first, `preference:${bootstrap}`, (f) => preferenceByQuestion(first, f, { resamples: bootstrap ? 1000 : 0 })),
      cached(rest, 'boxes', (f) => boxesByQuestion(rest, f)),
      cached(rest, 'text', (f) => textByQuestion(rest, f)),
      cached(rest, 'vqa', (f) => vqaByQuestion(rest, f)),
    ]).then(([preference, boxes, text, vqa]) => ({ preference, boxes, text, vqa })),
    reportSources(rest),
    rejectionsTotal(rest),
    questionCounts(rest, filters),
    batchSummaries(rest, filters),
    cached(rest, `agreement:${bootstrap}`, (f) => agreementByQuestion(rest, f, { bootstrap })),
    cached(rest, 'accuracy', (f) => accuracyByQuestion(rest, f)),
    full ? batchEconomics(rest, filters, options.rateCard) : none<EconomicsRow>(),
    options.target === undefined
      ? null
      : guaranteeByBatch(rest, filters, { target: options.target, confidence: options.confidence ?? 0.95 }),
    full ? annotatorEconomics(rest, filters, options.rateCard) : none<EconomicsRow>(),
    full ? strategyEconomics(rest, filters, options.rateCard) : none<EconomicsRow>(),
  ]);
  const questions: QuestionReport[] = counts.map((q) => {
    const key = questionKey(q);
    const report: QuestionReport = {
      ...q,
      agreement: agreement.get(key) ?? null,
      accuracy: accuracy.get(key) ?? null,
      aggregation: aggregation.get(key) ?? null,
    };
    for (const [name, byQuestion] of Object.entries(specific)) {
      const value = (byQuestion as ReadonlyMap<string, unknown>).get(key);
      if (value !== undefined) report[name] = value;
    }
    return report;
  });
  const economicsOf = new Map(economics.map((row) => [row.batch_id, row]));
  for (const [i, batch] of batches.entries()) batches[i] = { ...(economicsOf.get(batch.batch_id as string) ?? {}), ...batch };
  if (guarantees) {
    const guaranteeOf = new Map(guarantees.map((g) => [g.batch_id, g]));
    for (const batch of batches) batch.guarantee = guaranteeOf.get(batch.batch_id as string) ?? null;
  }
  return {
    schema: REPORT_SCHEMA,
    annoqa_version: ANNOQA_VERSION,
    sources,
    rejections_total,
    questions,
    annotators,
    batches,
    strategies,
  };
}
