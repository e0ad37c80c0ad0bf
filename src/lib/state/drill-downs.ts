import type { Connector } from '../db/connector';
import type { PChartBy, PChartSubgroupBy } from '../metrics/drift/p-chart';
import type { Filters } from '../metrics/filters';
import { downloadBlob } from '../charts/chart-export';
import { disagreementBetween, goldErrorsIn, itemsAnsweredBy, judgementRows } from '../report/judgement-rows';
import { safeCsv } from '../report/safe-csv';
import { sql } from '../sql/sql';
import type { RowsState } from './rows.svelte';

/** Heatmap cell → the items on which two annotators answered the question differently, side by side. */
export function drillIntoPair(rows: RowsState, key: string, first: string, second: string): void {
  const [batch_id, strategy, question] = JSON.parse(key) as [string, string, string];
  rows.drill(
    `Items where ${first} and ${second} disagree on “${question}” (${batch_id})`,
    sql`j.batch_id = ${batch_id} AND j.strategy = ${strategy} AND j.question = ${question} AND ${disagreementBetween(first, second)}`,
  );
}

/** p-chart point → that annotator's (or batch's) answers that disagree with gold on that day (or in that batch). */
export function drillIntoErrors(
  rows: RowsState,
  by: PChartBy,
  subgroupBy: PChartSubgroupBy,
  series: string,
  subgroup: string,
): void {
  rows.drill(
    `Errors against gold: ${by} ${series}, ${subgroupBy} ${subgroup}`,
    goldErrorsIn(
      by === 'annotator' ? { annotator: series } : { batch: series },
      subgroupBy === 'day' ? { day: subgroup } : { batch: subgroup },
    ),
  );
}

/** Annotator → the items they answered, with every annotator's answer side by side (theirs highlighted). */
export function drillIntoAnnotator(rows: RowsState, annotator: string): void {
  rows.drill(`Judgements of ${annotator}, with the other answers on the same items`, itemsAnsweredBy(annotator), annotator);
}

/** The columns of the judgements CSV (one row per judgement, traced to its file and row). */
export const JUDGEMENT_CSV_FIELDS = [
  'file_name',
  'source_row',
  'batch_id',
  'strategy',
  'item_id',
  'question',
  'annotator_id',
  'answer',
  'gold',
  'correct',
  'submitted_at',
  'duration_s',
] as const;

/** Downloads every judgement the rows table selects (all pages: search and drill-down applied) as CSV. */
export async function exportJudgementRows(db: Connector, filters: Filters, rows: RowsState): Promise<void> {
  const page = await judgementRows(db, filters, { search: rows.search, condition: rows.condition, limit: 1_000_000 });
  const name = rows.condition ? 'annoqa-judgements-drill-down.csv' : 'annoqa-judgements.csv';
  downloadBlob(safeCsv(JUDGEMENT_CSV_FIELDS, page.rows as unknown as Record<string, unknown>[]), name, 'text/csv');
}
