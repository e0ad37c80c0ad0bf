import type { Connector } from '../db/connector';
import type { DailyCount } from '../metrics/daily-activity';
import type { Filters } from '../metrics/filters';
import type { StrategyBatchSummary } from '../report/report-basics';
import type { Report } from '../report/report-types';
import { overviewFigures } from './overview-figures';

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
      ({
        report: this.report,
        daily: this.daily,
        cards: this.cards,
        undated: this.undated,
      } = (await overviewFigures(db, filters))!);
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }

  /** Computes what `refresh` would show under `filters` into the caches, without showing it (`DashboardState`'s prefetch). */
  async prefetch(db: Connector, filters: Filters, wanted: () => boolean): Promise<void> {
    await overviewFigures(db, filters, wanted);
  }
}
