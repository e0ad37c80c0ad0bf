import type { Connector } from '../db/connector';

export interface FilterOptions {
  batches: string[];
  strategies: string[];
  questions: string[];
  annotators: string[];
  firstDay: string | null;
  lastDay: string | null;
}

/** The values the filter bar offers: every batch, strategy, question and annotator loaded, and the day range. */
export async function filterOptions(db: Connector): Promise<FilterOptions> {
  const [row] = await db.query<FilterOptions & Record<string, unknown>>(`
    SELECT list(DISTINCT batch_id ORDER BY batch_id) AS batches, list(DISTINCT strategy ORDER BY strategy) AS strategies,
      list(DISTINCT question ORDER BY question) AS questions, list(DISTINCT annotator_id ORDER BY annotator_id) AS annotators,
      strftime(min(submitted_at), '%Y-%m-%d') AS "firstDay", strftime(max(submitted_at), '%Y-%m-%d') AS "lastDay"
    FROM judgements`);
  return {
    batches: row.batches ?? [],
    strategies: row.strategies ?? [],
    questions: row.questions ?? [],
    annotators: row.annotators ?? [],
    firstDay: row.firstDay,
    lastDay: row.lastDay,
  };
}
