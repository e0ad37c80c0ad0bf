import Papa from 'papaparse';
import type { AnnotatorProfile, Strategy } from './annotators';
import { isoUtc } from './calendar';
import type { Rng } from './random';

/** The columns of the judgement files, in order (names the loader's guesses map to canonical fields). */
export const COLUMNS = [
  'batch_id',
  'strategy',
  'item_id',
  'question',
  'annotator_id',
  'value_kind',
  'answer',
  'gold',
  'started_at',
  'submitted_at',
  'duration_s',
  'cost_usd',
  'prelabeled',
  'option_a',
  'option_b',
  'shown_first',
  'x',
  'y',
  'w',
  'h',
  'image_w',
  'image_h',
] as const;

export type Column = (typeof COLUMNS)[number];
export type Row = Record<Column, string>;

/** One annotator's work on one item: the unit that is timed and priced. */
export interface Task {
  batchId: string;
  strategy: Strategy;
  itemId: string;
  annotator: AnnotatorProfile;
  prelabeled: boolean;
  /** Seconds spent on the whole unit (all its rows). */
  duration: number;
  /** Epoch ms when the unit was opened (set by the scheduler). */
  start: number;
  /** 0 on the first working day of the period, 1 on the last. */
  periodFraction: number;
}

/** One answer of the unit: its share of the time, and the fields that differ per row. */
export interface Part {
  question: string;
  valueKind: 'category' | 'number' | 'text' | 'box' | 'preference';
  answer: string;
  gold?: string;
  /** Relative share of the unit's time spent on this answer. */
  weight: number;
  fields?: Partial<Row>;
}

/** Price per unit (USD) by strategy and tier, inside DESIGN.md's reference ranges. */
const PRICE: Record<Strategy, Record<AnnotatorProfile['tier'], number>> = {
  instruction_tuning: { senior: 1.6, standard: 1.1, junior: 0.75 },
  rlhf_preference: { senior: 3.8, standard: 2.6, junior: 1.6 },
  vl_alignment: { senior: 4.5, standard: 3.2, junior: 2.2 },
};

/**
 * Price of a unit in cents: the tier's rate, +0.60 per box on an image, −20 % when it started
 * from an AI pre-label; clamped to the reference range (0.50–2.00, 1.00–5.00, 2.00–10.00).
 */
export function unitPriceCents(task: Task, boxes: number, rng: Rng): number {
  const [lo, hi] = { instruction_tuning: [0.5, 2], rlhf_preference: [1, 5], vl_alignment: [2, 10] }[task.strategy];
  let price = PRICE[task.strategy][task.annotator.tier] + 0.6 * boxes;
  if (task.prelabeled) price *= 0.8;
  price *= rng.uniform(0.95, 1.05);
  return Math.round(Math.min(hi, Math.max(lo, price)) * 100);
}

/**
 * The unit's rows: the answers are given one after another, so each row gets its own slice
 * of the unit's time (started_at, submitted_at, duration_s in whole seconds) and its share of
 * the unit's price (cents; the shares add up to the unit price exactly). Sums over a unit's
 * rows give the unit's time and price.
 */
export function unitRows(task: Task, parts: Part[], priceCents: number | null, shared: Partial<Row>): Row[] {
  const totalWeight = parts.reduce((a, p) => a + p.weight, 0);
  const seconds = Math.max(parts.length, Math.round(task.duration));
  const slices = parts.map((p) => Math.max(1, Math.floor((seconds * p.weight) / totalWeight)));
  slices[slices.length - 1] += Math.max(0, seconds - slices.reduce((a, b) => a + b, 0));
  const cents = priceCents === null ? null : parts.map((p) => Math.floor((priceCents * p.weight) / totalWeight));
  if (cents && priceCents !== null) cents[cents.length - 1] += priceCents - cents.reduce((a, b) => a + b, 0);
  let at = task.start;
  return parts.map((part, i) => {
    const startedAt = at;
    at += slices[i] * 1000;
    return {
      ...emptyRow(),
      ...shared,
      batch_id: task.batchId,
      strategy: task.strategy,
      item_id: task.itemId,
      question: part.question,
      annotator_id: task.annotator.id,
      value_kind: part.valueKind,
      answer: part.answer,
      gold: part.gold ?? '',
      started_at: isoUtc(startedAt),
      submitted_at: isoUtc(at),
      duration_s: String(slices[i]),
      cost_usd: cents ? (cents[i] / 100).toFixed(2) : '',
      ...part.fields,
    };
  });
}

export function emptyRow(): Row {
  return Object.fromEntries(COLUMNS.map((c) => [c, ''])) as Row;
}

/** RFC 4180 CSV (papaparse `unparse`: quotes where needed, `""` inside quotes), LF line ends, final newline. */
export function toCsv(columns: readonly string[], rows: Record<string, string>[]): string {
  return Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => r[c])) }, { newline: '\n' }) + '\n';
}

/** Chronological order (submitted_at, then annotator, item and the row's place in its unit). */
export function sortChronologically(rows: Row[]): Row[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        cmp(a.row.submitted_at, b.row.submitted_at) ||
        cmp(a.row.annotator_id, b.row.annotator_id) ||
        cmp(a.row.item_id, b.row.item_id) ||
        a.index - b.index,
    )
    .map((r) => r.row);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A Likert/rating answer: exact with probability 1 − error, else ±1 (70 %) or ±2; plus the annotator's lenient/harsh push. */
export function rate(truth: number, lo: number, hi: number, error: number, bias: number, rng: Rng): number {
  let value = truth;
  if (rng.chance(error)) {
    const size = rng.chance(0.7) ? 1 : 2;
    const sign = bias !== 0 && rng.chance(0.6) ? Math.sign(bias) : rng.chance(0.5) ? 1 : -1;
    value += sign * size;
  }
  if (bias !== 0 && rng.chance(Math.abs(bias))) value += Math.sign(bias);
  return Math.min(hi, Math.max(lo, value));
}

/** A category answer: the truth with probability 1 − error, else another of the options. */
export function choose<T>(truth: T, options: readonly T[], error: number, rng: Rng): T {
  if (!rng.chance(error)) return truth;
  return rng.pick(options.filter((o) => o !== truth));
}
