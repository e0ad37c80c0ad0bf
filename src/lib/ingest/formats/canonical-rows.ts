import type { ValueKind } from '../../db/schema';

/**
 * One judgement as an adapter produces it, before it reaches DuckDB: the `judgements` columns
 * of DESIGN.md with `source_id` left out. Missing values are `null`/absent. Times are ISO 8601
 * strings (any offset) or Unix epoch numbers (seconds, or milliseconds above 1e11).
 */
export interface CanonicalJudgement {
  /** The record's 1-based position in the file (task, line, image …): several judgements may share it. */
  source_row: number;
  batch_id?: string | null;
  strategy?: string | null;
  item_id: string;
  question: string;
  annotator_id: string;
  value_kind?: ValueKind | null;
  label?: string | null;
  score?: number | null;
  text?: string | null;
  x?: number | null;
  y?: number | null;
  w?: number | null;
  h?: number | null;
  image_w?: number | null;
  image_h?: number | null;
  started_at?: string | number | null;
  submitted_at?: string | number | null;
  duration_s?: number | null;
  cost_usd?: number | null;
  prelabeled?: boolean | null;
  option_a?: string | null;
  option_b?: string | null;
  shown_first?: 'A' | 'B' | null;
}

/** One answer-key row (`gold` table). `batch_id`/`question` default to the wildcard `*`. */
export interface CanonicalGold {
  source_row: number;
  batch_id?: string | null;
  item_id: string;
  question?: string | null;
  label?: string | null;
  score?: number | null;
  text?: string | null;
  x?: number | null;
  y?: number | null;
  w?: number | null;
  h?: number | null;
}

/** A record (or part of one) that could not be loaded, and why. */
export interface CanonicalRejection {
  source_row: number;
  reason: string;
  /** Physical line in the file, when it differs from source_row (JSONL, XML). */
  line?: number | null;
  /** The first characters of the record, to show beside the reason. */
  excerpt?: string | null;
}

/** What every non-CSV adapter returns: nothing in the file is dropped without a rejection. */
export interface AdapterResult {
  rows: CanonicalJudgement[];
  gold: CanonicalGold[];
  rejections: CanonicalRejection[];
}

/**
 * One annotation's time spread over the rows made from it. Exports time a whole annotation
 * (Label Studio `lead_time`, Labelbox `seconds_to_create`), while duration_s is per row and an
 * assignment's time is the sum of its rows' (timed-assignments.ts; DESIGN.md: a box is a row):
 * each of the annotation's n rows gets time ÷ n, so its boxes and questions add up to its time
 * once instead of n times.
 */
export function shareAnnotationTime(rows: CanonicalJudgement[]): CanonicalJudgement[] {
  for (const row of rows) if (typeof row.duration_s === 'number') row.duration_s /= rows.length;
  return rows;
}

/** Shortens a record to an excerpt for `rejections.excerpt`. */
export function excerptOf(record: unknown, max = 200): string {
  const text = typeof record === 'string' ? record : (JSON.stringify(record) ?? String(record));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
