import type { Connector } from '../db/connector';
import { accuracyByQuestion } from '../metrics/accuracy/accuracy-by';
import { agreementByQuestion } from '../metrics/agreement/agreement-by-question';
import { aggregationByQuestion } from '../metrics/aggregation/aggregation-by-question';
import { guaranteeByBatch } from '../metrics/guarantee/guarantee-by-batch';
import { annotatorEconomics, batchEconomics, strategyEconomics } from '../metrics/cost/economics';
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
  const [sources, rejections_total, counts, batches] = [
    await reportSources(db),
    await rejectionsTotal(db),
    await questionCounts(db, filters),
    await batchSummaries(db, filters),
  ];
  // Per-question figures are computed for every question and cached (byQuestionCached): a
  // batch, strategy or question filter then only picks among them.
  const bootstrap = options.bootstrap ?? true;
  const cached = <T>(name: string, compute: (within: Filters) => Promise<ReadonlyMap<string, T>>) =>
    byQuestionCached(db, name, filters, compute);
  const agreement = await cached(`agreement:${bootstrap}`, (f) => agreementByQuestion(db, f, { bootstrap }));
  const accuracy = await cached('accuracy', (f) => accuracyByQuestion(db, f));
  const full = options.depth !== 'summary';
  const aggregation = full
    ? await cached('aggregation', (f) => aggregationByQuestion(db, f))
    : new Map<string, AggregationReport>();
  // Strategy-specific measures, present on the questions they apply to (DESIGN.md, issue 6).
  const specific = {
    preference: await cached(`preference:${bootstrap}`, (f) => preferenceByQuestion(db, f, { resamples: bootstrap ? 1000 : 0 })),
    boxes: await cached('boxes', (f) => boxesByQuestion(db, f)),
    text: await cached('text', (f) => textByQuestion(db, f)),
    vqa: await cached('vqa', (f) => vqaByQuestion(db, f)),
  };
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
  const economics = new Map((full ? await batchEconomics(db, filters, options.rateCard) : []).map((row) => [row.batch_id, row]));
  for (const [i, batch] of batches.entries()) batches[i] = { ...(economics.get(batch.batch_id as string) ?? {}), ...batch };
  if (options.target !== undefined) {
    const guarantees = new Map(
      (await guaranteeByBatch(db, filters, { target: options.target, confidence: options.confidence ?? 0.95 })).map((g) => [
        g.batch_id,
        g,
      ]),
    );
    for (const batch of batches) batch.guarantee = guarantees.get(batch.batch_id as string) ?? null;
  }
  return {
    schema: REPORT_SCHEMA,
    annoqa_version: ANNOQA_VERSION,
    sources,
    rejections_total,
    questions,
    annotators: full ? await annotatorEconomics(db, filters, options.rateCard) : [],
    batches,
    strategies: full ? await strategyEconomics(db, filters, options.rateCard) : [],
  };
}
