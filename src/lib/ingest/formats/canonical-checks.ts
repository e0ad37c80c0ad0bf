import { VALUE_KINDS } from '../../db/schema';
import type { CanonicalGold, CanonicalJudgement } from './canonical-rows';
import { parseTimestamp } from './canonical-values';

const NON_NEGATIVE = ['w', 'h', 'image_w', 'image_h', 'duration_s', 'cost_usd'] as const;
const NUMBERS = ['score', 'x', 'y', ...NON_NEGATIVE] as const;

/**
 * The reason a judgement cannot be loaded, or `undefined` when it can: the same rules as the
 * CSV loader's `row-validation.ts` (item, annotator and an answer present; a box has all of
 * x, y, w, h; sizes, durations and costs not negative; times readable).
 */
export function judgementProblem(row: CanonicalJudgement): string | undefined {
  if (!nonEmpty(row.item_id)) return 'the item id is empty';
  if (!nonEmpty(row.annotator_id)) return 'the annotator is empty';
  if (!nonEmpty(row.question)) return 'the question name is empty';
  if (row.label == null && row.score == null && row.text == null && row.x == null)
    return 'no answer: label, score, text and box are all empty';
  const numbers = numberProblem(row);
  if (numbers) return numbers;
  for (const name of ['started_at', 'submitted_at'] as const) {
    const value = row[name];
    if (value != null && parseTimestamp(value) === undefined) {
      return `${name} is not a date-time (ISO 8601 such as 2024-05-01T14:03:00Z, or Unix seconds): "${String(value).slice(0, 80)}"`;
    }
  }
  if (row.value_kind != null && !VALUE_KINDS.includes(row.value_kind))
    return `value_kind must be one of ${VALUE_KINDS.join(', ')}: "${row.value_kind}"`;
  if (row.shown_first != null && row.shown_first !== 'A' && row.shown_first !== 'B')
    return `shown_first must be A or B: "${String(row.shown_first)}"`;
  return undefined;
}

/** The reason a gold row cannot be loaded, or `undefined`. */
export function goldProblem(row: CanonicalGold): string | undefined {
  if (!nonEmpty(row.item_id)) return 'the item id of the gold answer is empty';
  if (row.label == null && row.score == null && row.text == null && row.x == null)
    return 'no gold answer: label, score, text and box are all empty';
  return numberProblem(row);
}

function numberProblem(row: Partial<Record<(typeof NUMBERS)[number], number | null>>): string | undefined {
  for (const name of NUMBERS) {
    const value = row[name];
    if (value != null && (typeof value !== 'number' || !Number.isFinite(value)))
      return `${name} is not a finite number: ${String(value)}`;
  }
  for (const name of NON_NEGATIVE) {
    const value = row[name];
    if (value != null && value < 0) return `${name} is negative: ${value}`;
  }
  const box = [row.x, row.y, row.w, row.h].filter((v) => v != null).length;
  if (box > 0 && box < 4) return 'a box needs all of x, y, w and h';
  return undefined;
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
