import { goldProblem, judgementProblem } from './formats/canonical-checks';
import { stagingCsv, type StagingColumn } from './formats/canonical-csv';
import type { AdapterResult, CanonicalGold, CanonicalJudgement, CanonicalRejection } from './formats/canonical-rows';
import { ANY } from './delimited-gold';

/**
 * An adapter's rows checked and serialised as typed CSV (one buffer per staging table), ready
 * for DuckDB's `read_csv`. Compact and transferable: the ingest worker builds it, the main
 * thread only hands the buffers to DuckDB (`insertStagedRows`).
 */
export interface StagedRows {
  judgements: Uint8Array;
  gold: Uint8Array;
  rejections: Uint8Array;
  /** Rows in each buffer (the checks' rejections included in `rejections`). */
  counts: { judgements: number; gold: number; rejections: number };
}

const J = (name: string, type: StagingColumn['type'] = 'VARCHAR'): StagingColumn => ({ name, type });

/** Staging columns in the order of the `judgements` table (source_id excepted), plus `seq`. */
export const JUDGEMENT_COLUMNS: StagingColumn[] = [
  J('seq', 'BIGINT'),
  J('source_row', 'BIGINT'),
  J('batch_id'),
  J('strategy'),
  J('item_id'),
  J('question'),
  J('annotator_id'),
  J('value_kind'),
  J('label'),
  J('score', 'DOUBLE'),
  J('text'),
  J('x', 'DOUBLE'),
  J('y', 'DOUBLE'),
  J('w', 'DOUBLE'),
  J('h', 'DOUBLE'),
  J('image_w', 'DOUBLE'),
  J('image_h', 'DOUBLE'),
  J('started_at', 'TIMESTAMP'),
  J('submitted_at', 'TIMESTAMP'),
  J('duration_s', 'DOUBLE'),
  J('cost_usd', 'DOUBLE'),
  J('prelabeled', 'BOOLEAN'),
  J('option_a'),
  J('option_b'),
  J('shown_first'),
];
export const GOLD_COLUMNS: StagingColumn[] = [
  J('seq', 'BIGINT'),
  J('source_row', 'BIGINT'),
  J('batch_id'),
  J('item_id'),
  J('question'),
  J('label'),
  J('score', 'DOUBLE'),
  J('text'),
  J('x', 'DOUBLE'),
  J('y', 'DOUBLE'),
  J('w', 'DOUBLE'),
  J('h', 'DOUBLE'),
];
export const REJECTION_COLUMNS: StagingColumn[] = [J('source_row', 'BIGINT'), J('line', 'BIGINT'), J('reason'), J('excerpt')];

/**
 * Checks an adapter's rows (`canonical-checks.ts`: a failing row becomes a rejection with the
 * reason), applies the role (`gold`: judgement rows become answer-key rows) and the defaults
 * (batch `default`/`*`, strategy `unspecified`, question `*`), and serialises the three tables.
 * Pure JavaScript: runs in the ingest worker in the browser and inline on Node.
 */
export function stageCanonicalRows(role: 'judgements' | 'gold', result: AdapterResult): StagedRows {
  const rejections: CanonicalRejection[] = [...result.rejections];
  const judgements: CanonicalJudgement[] = [];
  const gold: CanonicalGold[] = [];
  for (const row of result.rows) {
    const problem = judgementProblem(row);
    if (problem)
      rejections.push({
        source_row: row.source_row,
        reason: problem,
        excerpt: `item "${row.item_id}", annotator "${row.annotator_id}"`,
      });
    else if (role === 'gold') gold.push({ ...row, batch_id: row.batch_id ?? ANY });
    else judgements.push(row);
  }
  for (const row of result.gold) {
    const problem = goldProblem(row);
    if (problem) rejections.push({ source_row: row.source_row, reason: problem, excerpt: `item "${row.item_id}"` });
    else gold.push(row);
  }
  const judgementRows = judgements.map((row, seq) => ({
    ...row,
    seq,
    batch_id: row.batch_id ?? 'default',
    strategy: row.strategy ?? 'unspecified',
  }));
  const goldRows = gold.map((row, seq) => ({ ...row, seq, batch_id: row.batch_id ?? ANY, question: row.question ?? ANY }));
  const encoder = new TextEncoder();
  return {
    judgements: encoder.encode(stagingCsv(JUDGEMENT_COLUMNS, judgementRows)),
    gold: encoder.encode(stagingCsv(GOLD_COLUMNS, goldRows)),
    rejections: stageRejections(rejections),
    counts: { judgements: judgementRows.length, gold: goldRows.length, rejections: rejections.length },
  };
}

/** Rejections as typed CSV (`REJECTION_COLUMNS`). */
export function stageRejections(rejections: readonly CanonicalRejection[]): Uint8Array {
  const rows = rejections.map((r) => ({ ...r, excerpt: r.excerpt ?? null, line: r.line ?? null }));
  return new TextEncoder().encode(stagingCsv(REJECTION_COLUMNS, rows));
}
