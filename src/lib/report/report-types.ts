/**
 * The report contract (DESIGN.md "The report contract", schema `annoqa.report/1`).
 * Keys are stable: add keys, never rename them. An undefined number is `null` and its
 * reason is in the nearest `reasons` object.
 */
export const REPORT_SCHEMA = 'annoqa.report/1';

export type Interval = [number, number];
/** metric name → why it is null */
export type Reasons = Record<string, string>;

export interface ReportSource {
  source_id: number;
  file_name: string;
  format: string;
  role: string;
  bytes: number;
  sha256: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
}

export interface AgreementReport {
  percent: number | null;
  cohen_kappa: number | null;
  cohen_kappa_linear: number | null;
  cohen_kappa_quadratic: number | null;
  scott_pi: number | null;
  fleiss_kappa: number | null;
  krippendorff_alpha: number | null;
  gwet_ac1: number | null;
  ci95: { krippendorff_alpha: Interval | null; [metric: string]: Interval | null };
  reasons: Reasons;
  [extra: string]: unknown;
}

export interface AccuracyReport {
  n: number;
  correct: number;
  accuracy: number | null;
  wilson95: Interval | null;
  clopper_pearson95: Interval | null;
  [extra: string]: unknown;
}

export interface AggregationReport {
  majority_vote_accuracy: number | null;
  dawid_skene_accuracy: number | null;
  ties: number;
  [extra: string]: unknown;
}

export interface QuestionReport {
  batch_id: string;
  strategy: string;
  question: string;
  value_kind: string;
  level: string;
  items: number;
  annotators: number;
  judgements: number;
  agreement: AgreementReport | null;
  accuracy: AccuracyReport | null;
  aggregation: AggregationReport | null;
  [extra: string]: unknown;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  annoqa_version: string;
  sources: ReportSource[];
  rejections_total: number;
  questions: QuestionReport[];
  annotators: object[];
  batches: Record<string, unknown>[];
  strategies: object[];
  [extra: string]: unknown;
}

/** The key that identifies a question across tables and maps: batch, strategy and question. */
export function questionKey(q: { batch_id: string; strategy: string; question: string }): string {
  return JSON.stringify([q.batch_id, q.strategy, q.question]);
}
