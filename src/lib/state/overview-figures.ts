import type { Connector } from '../db/connector';
import { dailyActivity, undatedJudgements } from '../metrics/daily-activity';
import type { Filters } from '../metrics/filters';
import { buildReport } from '../report/build-report';
import { strategyBatchSummaries } from '../report/report-basics';
import { stepsWhile } from './prefetch';

/** The Overview's figures under `filters`, one query after another; null if `wanted()` turned false. */
export async function overviewFigures(db: Connector, filters: Filters, wanted = () => true) {
  const step = stepsWhile(wanted);
  const report = await step(() => buildReport(db, { filters, bootstrap: false, depth: 'summary' }));
  const daily = await step(() => dailyActivity(db, filters));
  const cards = await step(() => strategyBatchSummaries(db, filters));
  const undated = await step(() => undatedJudgements(db, filters));
  return report && daily && cards && undated !== null ? { report, daily, cards, undated } : null;
}
