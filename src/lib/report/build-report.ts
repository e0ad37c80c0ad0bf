import type { Connector } from '../db/connector';
import { accuracyByQuestion } from '../metrics/accuracy/accuracy-by';
import { agreementByQuestion } from '../metrics/agreement/agreement-by-question';
import { aggregationByQuestion } from '../metrics/aggregation/aggregation-by-question';
import { guaranteeByBatch } from '../metrics/guarantee/guarantee-by-batch';
import { annotatorEconomics, batchEconomics, strategyEconomics, type EconomicsRow } from '../metrics/cost/economics';
import type { RateCard } from '../economics/rate-card';
import { byQuestionCached } from '../metrics/by-question-cache';
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
  const cached = <T>(name: string, compute: (within: Filters) => Promise<ReadonlyMap<string, T>>) =>
    byQuestionCached(db, name, filters, compute);
  const full = options.depth !== 'summary';
  const none = async <T>(): Promise<T[]> => [];
  // The sections are independent: they run concurrently, so that one section's JavaScript
  // (Dawid–Skene EM, bootstraps) runs while DuckDB answers another's SQL (in its worker in the
  // browser, on its own threads natively). Every section is deterministic whatever the order.
  const [
    sources,
    rejections_total,
    counts,
    batches,
    agreement,
    accuracy,
    aggregation,
    specific,
    economics,
    guarantees,
    annotators,
    strategies,
  ] = await Promise.all([
    reportSources(db),
    rejectionsTotal(db),
    questionCounts(db, filters),
    batchSummaries(db, filters),
    cached(`agreement:${bootstrap}`, (f) => agreementByQuestion(db, f, { bootstrap })),
    cached('accuracy', (f) => accuracyByQuestion(db, f)),
    full ? cached('aggregation', (f) => aggregationByQuestion(db, f)) : new Map<string, AggregationReport>(),
    // Strategy-specific measures, present on the questions they apply to (DESIGN.md, issue 6).
    Promise.all([
      cached(`preference:${bootstrap}`, (f) => preferenceByQuestion(db, f, { resamples: bootstrap ? 1000 : 0 })),
      cached('boxes', (f) => boxesByQuestion(db, f)),
      cached('text', (f) => textByQuestion(db, f)),
      cached('vqa', (f) => vqaByQuestion(db, f)),
    ]).then(([preference, boxes, text, vqa]) => ({ preference, boxes, text, vqa })),
    full ? batchEconomics(db, filters, options.rateCard) : none<EconomicsRow>(),
    options.target === undefined
      ? null
      : guaranteeByBatch(db, filters, { target: options.target, confidence: options.confidence ?? 0.95 }),
    full ? annotatorEconomics(db, filters, options.rateCard) : none<EconomicsRow>(),
    full ? strategyEconomics(db, filters, options.rateCard) : none<EconomicsRow>(),
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
