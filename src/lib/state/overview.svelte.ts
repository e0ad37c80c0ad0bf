import type { Connector } from '../db/connector';
import { dailyActivity, undatedJudgements, type DailyCount } from '../metrics/daily-activity';
import type { Filters } from '../metrics/filters';
import { buildReport } from '../report/build-report';
import { strategyBatchSummaries, type StrategyBatchSummary } from '../report/report-basics';
import type { Report } from '../report/report-types';
import { stepsWhile } from './prefetch';

/** The Overview's data: the report (per question counts, α, accuracy) and daily activity. */
export class OverviewState {
  report: Report | null = $state.raw(null);
  daily: DailyCount[] = $state.raw([]);
  cards: StrategyBatchSummary[] = $state.raw([]);
  undated = $state(0);
  loading = $state(false);
  error: string | null = $state(null);

  async refresh(db: Connector, filters: Filters): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      ({ report: this.report, daily: this.daily, cards: this.cards, undated: this.undated } = (await figures(db, filters))!);
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }

  /** Computes what `refresh` would show under `filters` into the caches, without showing it (`DashboardState`'s prefetch). */
  async prefetch(db: Connector, filters: Filters, wanted: () => boolean): Promise<void> {
    await figures(db, filters, wanted);
  }
}

/** The Overview's figures under `filters`, one query after another; null if `wanted()` turned false. */
async function figures(db: Connector, filters: Filters, wanted = () => true) {
  const step = stepsWhile(wanted);
  const report = await step(() => buildReport(db, { filters, bootstrap: false, depth: 'summary' }));
  const daily = await step(() => dailyActivity(db, filters));
  const cards = await step(() => strategyBatchSummaries(db, filters));
  const undated = await step(() => undatedJudgements(db, filters));
  return report && daily && cards && undated !== null ? { report, daily, cards, undated } : null;
}
