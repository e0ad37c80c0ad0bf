import type { Connector } from '../db/connector';
import { sql } from '../sql/sql';
import { filteredJudgements, type Filters } from './filters';

export interface DailyCount {
  annotator_id: string;
  /** UTC day of submitted_at, `YYYY-MM-DD`. */
  day: string;
  judgements: number;
}

/** Judgements per annotator per UTC day (judgements without submitted_at are not counted; see `undatedJudgements`). */
export async function dailyActivity(db: Connector, filters: Filters = {}): Promise<DailyCount[]> {
  return db.query<DailyCount & Record<string, unknown>>(sql`
    SELECT annotator_id, strftime(CAST(submitted_at AS DATE), '%Y-%m-%d') AS day, count(*)::DOUBLE AS judgements
    FROM ${filteredJudgements(filters)} j WHERE submitted_at IS NOT NULL
    GROUP BY annotator_id, CAST(submitted_at AS DATE) ORDER BY CAST(submitted_at AS DATE), annotator_id`);
}

/** How many selected judgements have no submitted_at (so the daily chart can say what it leaves out). */
export async function undatedJudgements(db: Connector, filters: Filters = {}): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(
    sql`SELECT count(*)::DOUBLE AS n FROM ${filteredJudgements(filters)} j WHERE submitted_at IS NULL`,
  );
  return n;
}
