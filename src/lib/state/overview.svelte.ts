import type { Connector } from '../db/connector';
import { dailyActivity, undatedJudgements, type DailyCount } from '../metrics/daily-activity';
import type { Filters } from '../metrics/filters';
import { buildReport } from '../report/build-report';
import { strategyBatchSummaries, type StrategyBatchSummary } from '../report/report-basics';
import type { Report } from '../report/report-types';

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
      this.report = await buildReport(db, { filters, bootstrap: false, depth: 'summary' });
      this.daily = await dailyActivity(db, filters);
      this.cards = await strategyBatchSummaries(db, filters);
      this.undated = await undatedJudgements(db, filters);
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }
}
