import type { Connector } from '../db/connector';
import { reportSources } from './report-basics';

export interface RejectionGroup {
  source_id: number;
  file_name: string;
  /** The reason with quoted values and numbers blanked, so alike rejections group together. */
  kind: string;
  count: number;
  /** The first few: row, line (when the reader knows it), reason and the offending text. */
  examples: { source_row: number | null; line: number | null; reason: string; excerpt: string | null }[];
}

/**
 * Rejections grouped by file and kind of reason, with the first five of each — the Data
 * view's "read N, loaded M, rejected K" accounting. Every rejected record is in one group.
 */
export async function rejectionGroups(db: Connector): Promise<RejectionGroup[]> {
  return db.query<RejectionGroup & Record<string, unknown>>(`
    WITH r AS (
      SELECT r.*, s.file_name, regexp_replace(regexp_replace(r.reason, '"[^"]*"', '"…"', 'g'), '[0-9]+', 'N', 'g') AS kind
      FROM rejections r JOIN sources s USING (source_id)
    )
    SELECT source_id, file_name, kind, count(*)::DOUBLE AS count,
      list({'source_row': source_row::DOUBLE, 'line': line::DOUBLE, 'reason': reason, 'excerpt': excerpt} ORDER BY source_row)[1:5] AS examples
    FROM r GROUP BY ALL ORDER BY source_id, count DESC, kind`);
}

export interface WarningRow {
  file_name: string;
  source_row: number | null;
  message: string;
}

/** Records that loaded with a remark (e.g. conflicting gold answers), at most `limit`. */
export async function loadWarnings(db: Connector, limit = 200): Promise<WarningRow[]> {
  return db.query<WarningRow & Record<string, unknown>>(`
    SELECT s.file_name, w.source_row::DOUBLE AS source_row, w.message FROM warnings w JOIN sources s USING (source_id)
    ORDER BY w.source_id, w.source_row LIMIT ${Math.trunc(limit)}`);
}

export interface QuestionLevel {
  batch_id: string;
  strategy: string;
  question: string;
  value_kind: string;
  level: string;
  level_source: string;
  categories: string[] | null;
}

/** The `questions` table: kind, level (inferred or chosen) and categories. */
export async function questionLevels(db: Connector): Promise<QuestionLevel[]> {
  return db.query<QuestionLevel & Record<string, unknown>>('SELECT * FROM questions ORDER BY batch_id, strategy, question');
}

/** Everything the Data view accounts for: the sources, rejections, warnings and question levels. */
export async function loadAccounting(db: Connector) {
  return {
    sources: await reportSources(db),
    rejections: await rejectionGroups(db),
    warnings: await loadWarnings(db),
    questions: await questionLevels(db),
  };
}
