import type { Connector } from '../db/connector';
import { benchmarkAgainstRanges, type StrategyBenchmark } from '../economics/benchmark';
import { defaultTargetItems, projectToTarget, type Projection } from '../economics/projection';
import { decodeRateCard, defaultRateCard, encodeRateCard, type RateCard } from '../economics/rate-card';
import { economicsBy, type EconomicsRow } from '../metrics/cost/economics';
import { prelabelComparison, type PrelabelComparison } from '../metrics/cost/prelabel-comparison';
import type { Filters } from '../metrics/filters';
import { dailyTrend, type DailySeries } from '../metrics/throughput/daily-trend';
import { durationHistogram, type DurationHistogram } from '../metrics/throughput/duration-histogram';
import { DEFAULT_SESSION_GAP_MINUTES } from '../metrics/throughput/timed-assignments';
import { stepsWhile } from './prefetch';

export interface StrategyProjection extends Projection {
  strategy: string;
}

/** What the Economics panels show (`EconomicsState` holds the latest). */
interface EconomicsFigures {
  annotators: EconomicsRow[];
  strategies: EconomicsRow[];
  batches: EconomicsRow[];
  prelabel: PrelabelComparison[];
  timeline: DailySeries[];
  trend: DailySeries[];
  histogram: DurationHistogram;
}

/**
 * The Economics panels' state: the rate card and session gap (inputs), and per annotator,
 * strategy and batch the throughput and cost figures, benchmarks against DESIGN.md's ranges,
 * pre-labelling comparison, daily timeline/trend and the time-per-unit distribution.
 * Projections to each strategy's target size are derived from the strategy rows.
 */
export class EconomicsState {
  card: RateCard = $state(defaultRateCard());
  sessionGapMinutes = $state(DEFAULT_SESSION_GAP_MINUTES);
  /** strategy → target dataset size in items (default: midpoint of DESIGN.md's range). */
  targets: Record<string, number> = $state({});
  annotators: EconomicsRow[] = $state.raw([]);
  strategies: EconomicsRow[] = $state.raw([]);
  batches: EconomicsRow[] = $state.raw([]);
  benchmarks: StrategyBenchmark[] = $state.raw([]);
  prelabel: PrelabelComparison[] = $state.raw([]);
  /** Answers per UTC day per annotator (the throughput timeline). */
  timeline: DailySeries[] = $state.raw([]);
  /** Answers per UTC day per batch, with the OLS slope (the trend over the batch). */
  trend: DailySeries[] = $state.raw([]);
  histogram: DurationHistogram | null = $state.raw(null);
  loading = $state(false);
  error: string | null = $state(null);
  private db: Connector | null = null;
  private filters: Filters = {};

  projections: StrategyProjection[] = $derived(
    this.strategies.flatMap((row) => {
      const target = this.targets[row.strategy!] ?? defaultTargetItems(row.strategy!);
      return target === null ? [] : [{ strategy: row.strategy!, ...projectToTarget(row, target) }];
    }),
  );

  async refresh(db: Connector, filters: Filters): Promise<void> {
    this.db = db;
    this.filters = filters;
    this.loading = true;
    this.error = null;
    try {
      const figures = (await this.figures(db, filters))!;
      this.annotators = figures.annotators;
      this.strategies = figures.strategies;
      this.batches = figures.batches;
      this.benchmarks = benchmarkAgainstRanges(figures.strategies);
      this.prelabel = figures.prelabel;
      this.timeline = figures.timeline;
      this.trend = figures.trend;
      this.histogram = figures.histogram;
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }

  /**
   * Computes what `refresh` would show under `filters` without showing it, so that the
   * metrics' caches hold it when the user picks these filters (`DashboardState`'s prefetch).
   * Stops between two queries once `wanted()` is false.
   */
  async prefetch(db: Connector, filters: Filters, wanted: () => boolean): Promise<void> {
    await this.figures(db, filters, wanted);
  }

  /** The panels' figures under `filters`, one query after another; null if `wanted()` turned false. */
  private async figures(db: Connector, filters: Filters, wanted = () => true): Promise<EconomicsFigures | null> {
    const options = { sessionGapMinutes: this.sessionGapMinutes };
    const card = $state.snapshot(this.card) as RateCard;
    const step = stepsWhile(wanted);
    const annotators = await step(() => economicsBy(db, filters, ['annotator_id'], card, options));
    const strategies = await step(() => economicsBy(db, filters, ['strategy'], card, options));
    const batches = await step(() => economicsBy(db, filters, ['batch_id'], card, options));
    const prelabel = await step(() => prelabelComparison(db, filters, ['strategy'], card, options, strategies!));
    const timeline = await step(() => dailyTrend(db, filters, ['annotator_id'], options));
    const trend = await step(() => dailyTrend(db, filters, ['batch_id'], options));
    const histogram = await step(() => durationHistogram(db, filters, 30, options));
    if (!annotators || !strategies || !batches || !prelabel || !timeline || !trend || !histogram) return null;
    return { annotators, strategies, batches, prelabel, timeline, trend, histogram };
  }

  private async rerun(): Promise<void> {
    if (this.db) await this.refresh(this.db, this.filters);
  }

  /** Replaces the rate card and recomputes (the app writes it into the URL, so a shared link reproduces it). */
  async setRateCard(card: RateCard): Promise<void> {
    this.card = card;
    await this.rerun();
  }

  /** Back to the DESIGN.md midpoints. */
  async resetRateCard(): Promise<void> {
    await this.setRateCard(defaultRateCard());
  }

  /** The card as one URL-safe string (base64url JSON). */
  get encodedRateCard(): string {
    return encodeRateCard($state.snapshot(this.card) as RateCard);
  }

  /**
   * Restores a card from `encodedRateCard`'s string (null: keep the current card). A malformed
   * value keeps the defaults and sets `error` saying so. Does not recompute (call before `refresh`).
   */
  restoreRateCard(encoded: string | null = null): void {
    if (!encoded) return;
    try {
      this.card = decodeRateCard(encoded);
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  async setSessionGap(minutes: number): Promise<void> {
    if (!(minutes > 0) || !Number.isFinite(minutes)) {
      this.error = `the session gap must be a positive number of minutes (got ${minutes})`;
      return;
    }
    this.sessionGapMinutes = minutes;
    await this.rerun();
  }

  /** Sets a strategy's target dataset size in items (projections update without a query). */
  setTarget(strategy: string, items: number): void {
    if (!(items >= 0) || !Number.isFinite(items)) {
      this.error = `the target must be a non-negative number of items (got ${items})`;
      return;
    }
    this.targets = { ...this.targets, [strategy]: items };
  }
}
