import type { Connector } from '../db/connector';
import { accuracyBy, type AccuracyDimension, type AccuracyRow } from '../metrics/accuracy/accuracy-by';
import { confusionMatrix, rowShares, type ConfusionMatrix } from '../metrics/accuracy/confusion-matrix';
import type { QuestionRef } from '../metrics/accuracy/scored-judgements';
import { aggregationByQuestion } from '../metrics/aggregation/aggregation-by-question';
import { dawidSkene } from '../metrics/aggregation/dawid-skene';
import type { DawidSkeneReport } from '../metrics/aggregation/dawid-skene-fit';
import { pChart, type PChartBy, type PChartResult, type PChartSubgroupBy } from '../metrics/drift/p-chart';
import { byQuestionCached, oneQuestionCached } from '../metrics/by-question-cache';
import type { Filters } from '../metrics/filters';
import { questionKey, type AggregationReport } from '../report/report-types';

/**
 * The Quality panels' state: accuracy against gold by a chosen dimension, per-question
 * accuracy and aggregation (majority vote, Dawid–Skene), the selected question's confusion
 * matrix and Dawid–Skene annotator estimates, and the p-chart of error rates over time.
 */
export class QualityState {
  dimension: AccuracyDimension = $state('annotator');
  rows: AccuracyRow[] = $state.raw([]);
  questions: AccuracyRow[] = $state.raw([]);
  /** questionKey → aggregation; replaced whole on refresh, never mutated (hence a plain Map in $state.raw). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  aggregation: Map<string, AggregationReport> = $state.raw(new Map());
  selected: QuestionRef | null = $state.raw(null);
  /** The question `confusion` and `dawidSkene` are of: the previous selection until the new one's are computed. */
  shown: QuestionRef | null = $state.raw(null);
  confusion: ConfusionMatrix | null = $state.raw(null);
  dawidSkene: DawidSkeneReport | null = $state.raw(null);
  chartBy: PChartBy = $state('annotator');
  chartSubgroup: PChartSubgroupBy = $state('day');
  chart: PChartResult | null = $state.raw(null);
  loading = $state(false);
  error: string | null = $state(null);
  private db: Connector | null = null;
  private filters: Filters = {};

  /** Confusion cells as shares of their gold row, for shading. */
  shares: (number | null)[][] = $derived(this.confusion ? rowShares(this.confusion) : []);

  async refresh(db: Connector, filters: Filters): Promise<void> {
    this.db = db;
    this.filters = filters;
    this.loading = true;
    this.error = null;
    try {
      this.questions = await accuracyBy(db, filters, 'question');
      this.rows = this.dimension === 'question' ? this.questions : await accuracyBy(db, filters, this.dimension);
      // Cached per question (as in buildReport): a batch or question filter does not refit Dawid–Skene.
      this.aggregation = await byQuestionCached(db, 'aggregation', filters, (f) => aggregationByQuestion(db, f));
      const stillThere =
        this.selected &&
        this.questions.some(
          (q) =>
            q.batch_id === this.selected!.batch_id &&
            q.strategy === this.selected!.strategy &&
            q.question === this.selected!.question,
        );
      const first = this.questions[0];
      this.selected = stillThere
        ? this.selected
        : first
          ? { batch_id: first.batch_id!, strategy: first.strategy!, question: first.question! }
          : null;
      await this.loadSelected();
      this.chart = await pChart(db, filters, this.chartBy, this.chartSubgroup);
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }

  private async loadSelected(): Promise<void> {
    if (!this.db || !this.selected) {
      [this.shown, this.confusion, this.dawidSkene] = [null, null, null];
      return;
    }
    const [db, filters, selected] = [this.db, this.filters, this.selected];
    // The selected question's tables depend only on its own judgements: a batch or strategy filter reuses them.
    const confusion = await oneQuestionCached(db, 'confusion', filters, selected, (within) =>
      confusionMatrix(db, within, selected),
    );
    // Only questions that can be voted on (categories, preferences, nominal/ordinal numbers) carry a Dawid–Skene fit.
    const aggregation = this.aggregation.get(questionKey(selected));
    const aggregable = aggregation !== undefined && 'dawid_skene_iterations' in aggregation;
    const estimates = aggregable
      ? await oneQuestionCached(db, 'dawid-skene', filters, selected, (within) => dawidSkene(db, within, selected))
      : null;
    // Shown together, and only if still the one asked for (another pick may have come meanwhile).
    if (this.selected === selected) [this.shown, this.confusion, this.dawidSkene] = [selected, confusion, estimates];
  }

  private async guarded(work: () => Promise<void>): Promise<void> {
    if (!this.db) return;
    this.loading = true;
    this.error = null;
    try {
      await work();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }

  /** Groups the accuracy table by another dimension. */
  async setDimension(dimension: AccuracyDimension): Promise<void> {
    this.dimension = dimension;
    await this.guarded(async () => {
      this.rows = dimension === 'question' ? this.questions : await accuracyBy(this.db!, this.filters, dimension);
    });
  }

  /** Shows the confusion matrix and Dawid–Skene estimates of another question. */
  async selectQuestion(key: QuestionRef): Promise<void> {
    this.selected = key;
    await this.guarded(() => this.loadSelected());
  }

  /** Draws the p-chart per annotator or per batch, with days or batches as subgroups. */
  async setChart(by: PChartBy, subgroup: PChartSubgroupBy = this.chartSubgroup): Promise<void> {
    this.chartBy = by;
    this.chartSubgroup = subgroup;
    await this.guarded(async () => {
      this.chart = await pChart(this.db!, this.filters, by, subgroup);
    });
  }
}
